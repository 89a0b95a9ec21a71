// The Kustomer sandbox: a local HTTP server that answers like Kustomer's REST API (/v1 routes,
// Bearer auth, JSON:API envelopes, Kustomer's error shape, org-wide rate limit, async bulk), for
// first runs and end-to-end tests. startSandbox() is the whole API; main.ts is its CLI.
//
// A request goes through: auth (401) → rate limit (429) → injected latency / failure (500) →
// route (404, 501) → body parse and validation (413, 400) → handler → optional dropped
// connection after the write committed. One that Bun's HTTP parser refuses (a method it does not
// know, a malformed request line, oversized headers) is answered before all of that, from its
// request line alone (answerUnparsed: 405, 400, 431; sandbox/http.ts).
import { BulkRunner } from "./bulk.ts";
import type { Context } from "./context.ts";
import { ApiError, errorObject } from "./errors.ts";
import { BULK_ACTIONS } from "./handlers/bulk.ts";
import { HANDLERS } from "./handlers/index.ts";
import { serveHttp, type Unparsed } from "./http.ts";
import { type Method, OPERATIONS, type Operation } from "./operations.ts";
import { FixedWindowLimiter, type RateLimitHeaders } from "./rate-limit.ts";
import { createRecord, requireRecord, updateRecord } from "./records.ts";
import {
  COMPANIES,
  CONVERSATIONS,
  CUSTOMERS,
  type Kind,
  kobjectKind,
  MESSAGES,
  NOTES,
} from "./resources.ts";
import {
  droppedConnection,
  errorResponse,
  headersTooLarge,
  injectedFailure,
  jsonResponse,
  malformedRequest,
  noRoute,
  notModelled,
  type ResponseHeaders,
  rateLimited,
  readJsonBody,
  unauthorized,
  wrongMethod,
} from "./responses.ts";
import { createRouter, type RouteMatch, type Router } from "./router.ts";
import { resolveSettings, type SandboxOptions, type Settings } from "./settings.ts";
import { type Doc, Store } from "./store.ts";
import { validateBody } from "./validation.ts";
import { WebhookEmitter } from "./webhooks.ts";

export { DEFAULT_API_KEY, DEFAULT_PORT, type SandboxOptions } from "./settings.ts";

export type Sandbox = {
  /** Base URL without /v1, e.g. http://127.0.0.1:4010. */
  url: string;
  port: number;
  apiKey: string;
  /**
   * The records of a collection (customers, companies, conversations, messages, notes,
   * kobjects:<klass>, bulk), oldest first, as stored: for tests and benches that check afterwards
   * what a client really wrote (e.g. that nothing was created twice).
   */
  records(collection: string): { id: string; attributes: { [field: string]: unknown } }[];
  /** Resolves when every outbound-webhook delivery started so far succeeded or gave up. */
  webhooksSettled(): Promise<void>;
  /**
   * Adds records straight to the store, without HTTP or the rate limit (100,000 customers in about
   * a second), for benches and tests that need a large org. A record may carry its own updatedAt
   * (e.g. many sharing one timestamp); otherwise it is stamped now. Returns the new ids in order.
   */
  seed(collection: SeedCollection, records: { [field: string]: unknown }[]): string[];
  /**
   * Changes a record's fields straight in the store (a PUT without HTTP): updatedAt moves to now,
   * or to `updatedAt` when given. For tests and benches that play "someone else edits the org".
   */
  update(
    collection: SeedCollection,
    id: string,
    fields: { [field: string]: unknown },
  ): { id: string; attributes: { [field: string]: unknown } };
  /** Stops listening, cancels pending bulk steps and webhook retries, and closes the database. */
  stop(): Promise<void>;
};

/** Collections seed() and update() write to: the modelled kinds, and kobjects:<klass>. */
export type SeedCollection =
  | "customers"
  | "companies"
  | "conversations"
  | "messages"
  | "notes"
  | `kobjects:${string}`;

const SEED_KINDS: { [collection: string]: Kind } = {
  customers: CUSTOMERS,
  companies: COMPANIES,
  conversations: CONVERSATIONS,
  messages: MESSAGES,
  notes: NOTES,
};

function seedKind(collection: SeedCollection): Kind {
  const kind = collection.startsWith("kobjects:")
    ? kobjectKind(collection.slice("kobjects:".length))
    : SEED_KINDS[collection];
  if (!kind) {
    throw new Error(`sandbox.seed: unknown collection ${collection}`);
  }
  return kind;
}

/** Sets updatedAt (and modifiedAt) on a stored record: a new object, so the indexes follow. */
function restamp(store: Store, kind: Kind, doc: Doc, updatedAt: unknown): Doc {
  if (typeof updatedAt !== "string") {
    return doc;
  }
  const stamped = { ...doc, attributes: { ...doc.attributes, updatedAt, modifiedAt: updatedAt } };
  store.put(kind.collection, stamped);
  return stamped;
}

type Parts = {
  settings: Settings;
  store: Store;
  bulk: BulkRunner;
  limiter: FixedWindowLimiter;
  route: Router;
};

export function startSandbox(options: SandboxOptions = {}): Sandbox {
  const settings = resolveSettings(options);
  const store = new Store(settings.dbPath, { uniqueExternalIds: settings.uniqueExternalIds });
  const bulk = new BulkRunner(store, BULK_ACTIONS, settings.bulkStepMs);
  const webhooks = new WebhookEmitter(
    store,
    { retryDelaysMs: settings.webhookRetryDelaysMs, timeoutMs: settings.webhookTimeoutMs },
    settings.log,
  );
  store.onWrite = (collection, before, after) => webhooks.recordWritten(collection, before, after);
  const parts: Parts = {
    settings,
    store,
    bulk,
    limiter: new FixedWindowLimiter(
      settings.rateLimit,
      settings.rateWindowMs,
      settings.rateResetUnit,
    ),
    route: createRouter(OPERATIONS),
  };
  const handle = (request: Request) => handleRequest(parts, request);
  const server = serveHttp({
    port: settings.port,
    fetch: settings.onResponse ? withAccessLog(handle, settings.onResponse) : handle,
    unparsed: (request) => {
      const response = answerUnparsed(parts.route, request);
      settings.onResponse?.({
        method: request.requestLine?.method ?? "?",
        path: request.requestLine?.target ?? "?",
        status: response.status,
        ms: 0,
      });
      return response;
    },
    path: settings.httpPath,
  });
  bulk.resumePending();
  const port = server.port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiKey: settings.apiKey,
    records: (collection) =>
      store.list(collection).map((doc) => ({ id: doc.id, attributes: doc.attributes })),
    webhooksSettled: () => webhooks.settled(),
    seed: (collection, records) => {
      const kind = seedKind(collection);
      return records.map((record) => {
        const { updatedAt, ...fields } = record;
        const doc = createRecord(store, kind, fields);
        return restamp(store, kind, doc, updatedAt).id;
      });
    },
    update: (collection, id, fields) => {
      const kind = seedKind(collection);
      const { updatedAt, ...rest } = fields;
      const doc = requireRecord(store, kind, id);
      const updated = restamp(store, kind, updateRecord(store, kind, doc, rest), updatedAt);
      return { id: updated.id, attributes: updated.attributes };
    },
    async stop() {
      bulk.stop();
      webhooks.stop();
      await server.stop();
      store.close();
    },
  };
}

async function handleRequest(parts: Parts, request: Request): Promise<Response> {
  const { settings, limiter } = parts;
  const now = Date.now();
  const authorization = request.headers.get("authorization");
  if (authorization !== `Bearer ${settings.apiKey}`) {
    return errorResponse(401, [unauthorized(authorization)], limiter.headers(now));
  }
  if (!limiter.take(now)) {
    return errorResponse(429, [rateLimited(limiter)], limiter.headers(now));
  }
  const rateHeaders = limiter.headers(now);
  if (settings.latencyMs > 0) {
    await Bun.sleep(settings.latencyMs);
  }
  if (settings.failRate > 0 && settings.random() < settings.failRate) {
    return errorResponse(500, [injectedFailure()], rateHeaders);
  }
  try {
    return await dispatch(parts, request, rateHeaders);
  } catch (error) {
    if (error instanceof ApiError) {
      return errorResponse(error.status, error.errors, rateHeaders);
    }
    console.error("kustomer sandbox: unexpected error", error);
    const detail = `the sandbox failed: ${error instanceof Error ? error.message : String(error)}`;
    return errorResponse(500, [errorObject(500, "internal_server_error", detail)], rateHeaders);
  }
}

/** Routes, validates and runs one authorised request. Throws ApiError for Kustomer errors. */
async function dispatch(
  parts: Parts,
  request: Request,
  rateHeaders: RateLimitHeaders,
): Promise<Response> {
  const { pathname, search } = splitUrl(request.url);
  const match = parts.route(request.method, pathname);
  if (match.kind === "wrong-method" || !KUSTOMER_METHODS.has(request.method)) {
    return methodNotAllowed(match, request.method, pathname, rateHeaders);
  }
  if (match.kind !== "operation") {
    return errorResponse(404, [noRoute(request.method, pathname)], rateHeaders);
  }
  const { operation, params } = match;
  const handler = HANDLERS[operation.operationId];
  if (!handler) {
    return errorResponse(501, [notModelled(operation)], rateHeaders);
  }
  let body: unknown;
  if (expectsBody(operation)) {
    body = await readJsonBody(request, parts.settings.maxBodyBytes);
    const problems = validateBody(operation.operationId, body);
    if (problems.length > 0) {
      return errorResponse(400, problems, rateHeaders);
    }
  }
  const query = new URLSearchParams(search);
  const { store, bulk, settings } = parts;
  const context: Context = { operation, params, query, pathname, body, store, bulk };
  const reply = handler(context);
  if (request.method !== "GET" && shouldDrop(settings)) {
    settings.log?.(
      `dropped the connection after committing ${request.method} ${pathname} (dropAfterCommitRate)`,
    );
    return droppedConnection();
  }
  return jsonResponse(reply.status ?? operation.success, reply.body, rateHeaders);
}

const KUSTOMER_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * A path that exists asked with a method it does not take, or a method Kustomer's API never uses
 * (OPTIONS, TRACE, BREW…): 405 with the methods that would work (RFC 9110 §15.5.6).
 */
function methodNotAllowed(
  match: RouteMatch,
  method: string,
  pathname: string,
  headers: ResponseHeaders,
): Response {
  const allowed = [...KUSTOMER_METHODS].filter(
    (known) => match.kind !== "wrong-method" || match.allowed.includes(known as Method),
  );
  return errorResponse(405, [wrongMethod(method, pathname, allowed)], {
    ...headers,
    Allow: allowed.join(", "),
  });
}

/**
 * The answer to a request Bun's HTTP parser refused (sandbox/http.ts), read from its request line
 * only: neither authorised nor counted against the rate limit, since its headers were never read.
 * A well-formed request line with a method the parser does not know (BREW, a lower-case get) is
 * 405 like any other method Kustomer does not take; headers over the size limit are 431; anything
 * else that is not HTTP/1.1 is 400.
 */
function answerUnparsed(route: Router, request: Unparsed): Response {
  const { code, reason, requestLine } = request;
  if (code === "HPE_INVALID_METHOD" && requestLine) {
    const pathname = requestLine.target.split("?", 1)[0] ?? "/";
    return methodNotAllowed(route(requestLine.method, pathname), requestLine.method, pathname, {});
  }
  if (code === "HPE_HEADER_OVERFLOW") {
    return errorResponse(431, [headersTooLarge(reason)], {});
  }
  const detail =
    code === "HPE_INVALID_METHOD"
      ? `${reason}: the request line must read METHOD /path HTTP/1.1`
      : reason;
  return errorResponse(400, [malformedRequest(detail)], {});
}

/** Operations whose request carries a body (a DELETE usually does not; removing tags does). */
function expectsBody(operation: Operation): boolean {
  if (operation.method === "GET") {
    return false;
  }
  return operation.method !== "DELETE" || operation.operationId === "RemoveTagsFromConversation";
}

function shouldDrop(settings: Settings): boolean {
  return settings.dropAfterCommitRate > 0 && settings.random() < settings.dropAfterCommitRate;
}

/** Path and query of a request URL, without the cost of a full URL parse on every request. */
function splitUrl(url: string): { pathname: string; search: string } {
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  const rest = pathStart === -1 ? "/" : url.slice(pathStart);
  const queryStart = rest.indexOf("?");
  return queryStart === -1
    ? { pathname: rest, search: "" }
    : { pathname: rest.slice(0, queryStart), search: rest.slice(queryStart + 1) };
}

function withAccessLog(
  handle: (request: Request) => Promise<Response>,
  onResponse: NonNullable<SandboxOptions["onResponse"]>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    const response = await handle(request);
    const { pathname, search } = splitUrl(request.url);
    onResponse({
      method: request.method,
      path: search ? `${pathname}?${search}` : pathname,
      status: response.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    return response;
  };
}
