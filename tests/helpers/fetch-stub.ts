// Replaces the global fetch for one test and records every request the code under test sends.
import { spyOn } from "bun:test";

export type RecordedRequest = {
  method: string;
  url: URL;
  path: string;
  query: { [name: string]: string };
  headers: { [name: string]: string };
  /** The body parsed as JSON, the raw text when it is not JSON, or undefined when none was sent. */
  body: unknown;
  rawBody: string | undefined;
};

export type StubHandler = (request: RecordedRequest, index: number) => Response | Promise<Response>;

/** Installs the stub; each call gets a fresh Response from the handler (bodies are read once). */
export function stubFetch(handler: StubHandler): RecordedRequest[] {
  const calls: RecordedRequest[] = [];
  spyOn(globalThis, "fetch").mockImplementation((async (
    input: string | URL | Request,
    init?: RequestInit,
  ) => {
    const request =
      typeof input === "string" || input instanceof URL
        ? new Request(String(input), init)
        : new Request(input, init);
    const rawBody = request.body ? await request.text() : undefined;
    const url = new URL(request.url);
    let body: unknown = rawBody;
    if (rawBody !== undefined) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    const recorded: RecordedRequest = {
      method: request.method,
      url,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(request.headers),
      body,
      rawBody,
    };
    calls.push(recorded);
    return handler(recorded, calls.length - 1);
  }) as unknown as typeof fetch);
  return calls;
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: { [name: string]: string } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A JSON:API document like the ones Kustomer returns for one record. */
export function kustomerRecord(
  type: string,
  id: string,
  attributes: { [field: string]: unknown },
): unknown {
  return {
    data: { type, id, attributes, relationships: {}, links: { self: `/v1/${type}s/${id}` } },
  };
}

export const TEST_AUTH = { apiKey: "test-key-0123456789abcdef" };
