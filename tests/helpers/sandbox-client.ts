// A small HTTP client for the sandbox tests: real requests to 127.0.0.1, JSON in and out.
// tests/setup.ts replaces fetch with a stub that throws; every test file calls mock.restore()
// in beforeEach to get the real fetch back before using this.
import type { Sandbox } from "../../sandbox/server.ts";

export type Json = { [key: string]: unknown };

export type ApiResponse = {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: unknown;
};

export type CallOptions = {
  body?: unknown;
  /** The Authorization header; null sends none. Default: the sandbox's own key. */
  authorization?: string | null;
};

export function clientFor(sandbox: Sandbox) {
  return async (method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> => {
    const headers: { [name: string]: string } = {};
    const authorization =
      options.authorization === undefined ? `Bearer ${sandbox.apiKey}` : options.authorization;
    if (authorization !== null) {
      headers.Authorization = authorization;
    }
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === "" ? undefined : JSON.parse(text),
    };
  };
}

/** data of a single-resource envelope. */
export function dataOf(response: ApiResponse): {
  type: string;
  id: string;
  attributes: Json;
  relationships: Json;
  links: { self: string };
} {
  return (response.body as { data: ReturnType<typeof dataOf> }).data;
}

export function listOf(response: ApiResponse): {
  data: ReturnType<typeof dataOf>[];
  meta: Json;
  links: { self: string; first: string; prev: string | null; next: string | null };
} {
  return response.body as ReturnType<typeof listOf>;
}

export function errorsOf(response: ApiResponse): Json[] {
  return (response.body as { errors: Json[] }).errors;
}

/** Polls until `done` holds (bulk jobs finish in tens of ms); fails after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const value = await read();
    if (done(value) || Date.now() > deadline) {
      return value;
    }
    await Bun.sleep(5);
  }
}
