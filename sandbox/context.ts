// What a route handler gets and gives back. Handlers are synchronous and throw ApiError for
// failures; the server turns a Reply into a Response (status defaults to the operation's
// documented success status).
import type { BulkRunner } from "./bulk.ts";
import { badRequest } from "./errors.ts";
import type { Operation } from "./operations.ts";
import { isPlainObject } from "./records.ts";
import type { Json, Store } from "./store.ts";

export type Context = {
  operation: Operation;
  params: { [name: string]: string };
  query: URLSearchParams;
  /** The request's raw path, used for list links. */
  pathname: string;
  /** The parsed JSON body, already checked by validation.ts; undefined when none was sent. */
  body: unknown;
  store: Store;
  bulk: BulkRunner;
};

export type Reply = { status?: number; body?: unknown };

export type Handler = (context: Context) => Reply;

export type HandlerTable = { [operationId: string]: Handler };

export function param(context: Context, name: string): string {
  return context.params[name] ?? "";
}

export function objectBody(context: Context): Json {
  if (!isPlainObject(context.body)) {
    throw badRequest("request body must be a JSON object", "");
  }
  return context.body;
}

export function isTrue(query: URLSearchParams, name: string): boolean {
  return query.get(name) === "true";
}
