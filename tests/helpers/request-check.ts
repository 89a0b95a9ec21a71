// The checks every script test makes, written once: call main with a stubbed fetch, then compare
// the one request it sent (method, path as sent on the wire, query, body, headers) and what main
// returned with what the test expects. Expected values are written out in each test file, not
// derived from the script, so a wrong path, parameter or body fails the test.
import { expect } from "bun:test";
import { jsonResponse, type RecordedRequest, stubFetch, TEST_AUTH } from "./fetch-stub.ts";
import { expectOfficialBody, testWithOfficialSpec } from "./official-schema.ts";

type Main = (auth: typeof TEST_AUTH, ...args: never[]) => Promise<unknown>;

export type ExpectedRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path exactly as sent, percent-encoding included: /v1/customers/email=a%2Bb%40x.com */
  path: string;
  /** The query as sent; {} when there is none. */
  query?: { [name: string]: string };
  /** The JSON body as sent; undefined when no body may be sent. */
  body?: unknown;
};

/** What the stub answers: a JSON body with a status, or 204 with no body. */
export type StubAnswer = { status: number; body?: unknown };

/**
 * Calls main(TEST_AUTH, ...args) against a stub answering `answer`, checks the single request it
 * sent, and returns what main returned and the request (for extra checks).
 */
export async function callAndCheck(
  main: Main,
  args: unknown[],
  expected: ExpectedRequest,
  answer: StubAnswer = { status: 200, body: { data: { id: "x1" } } },
): Promise<{ result: unknown; request: RecordedRequest }> {
  const calls = stubFetch(() =>
    answer.status === 204 || answer.body === undefined
      ? new Response(null, { status: answer.status })
      : jsonResponse(answer.status, answer.body),
  );
  const result = await (main as (...all: unknown[]) => Promise<unknown>)(TEST_AUTH, ...args);
  expect(calls).toHaveLength(1);
  const request = calls[0] as RecordedRequest;
  expect({ method: request.method, path: request.url.pathname, query: request.query }).toEqual({
    method: expected.method,
    path: expected.path,
    query: expected.query ?? {},
  });
  expect(request.headers.authorization).toBe(`Bearer ${TEST_AUTH.apiKey}`);
  if (expected.body === undefined) {
    expect(request.rawBody).toBeUndefined();
    expect(request.headers["content-type"]).toBeUndefined();
  } else {
    expect(request.body).toEqual(expected.body);
    expect(request.headers["content-type"]).toBe("application/json");
  }
  if (answer.status === 204 || answer.body === undefined) {
    expect(result).toBeNull();
  } else {
    expect(result).toEqual(answer.body);
  }
  return { result, request };
}

/** Expects main to refuse the input before any request, with a message containing `message`. */
export async function expectRefused(main: Main, args: unknown[], message: string): Promise<void> {
  const calls = stubFetch(() => jsonResponse(200, {}));
  await expect(
    (main as (...all: unknown[]) => Promise<unknown>)(TEST_AUTH, ...args),
  ).rejects.toThrow(message);
  expect(calls).toHaveLength(0);
}

/**
 * A test that the body main sends is valid against the operation's schema in Kustomer's official
 * OpenAPI (../shared/kustomer/openapi-core.json); skipped, with a visible note, when it is absent.
 * `specPath` is the path as the spec writes it, without /v1: /customers/{id}.
 */
export function testOfficialBody(
  method: ExpectedRequest["method"],
  specPath: string,
  main: Main,
  args: unknown[],
  /** Tells apart calls made in a loop (one per shape), so that test names stay unique. */
  label?: string,
): void {
  testWithOfficialSpec(
    `the body sent matches the official schema of ${method} ${specPath}${label ? ` (${label})` : ""}`,
    async () => {
      const calls = stubFetch(() => jsonResponse(200, {}));
      await (main as (...all: unknown[]) => Promise<unknown>)(TEST_AUTH, ...args);
      expect(calls).toHaveLength(1);
      expectOfficialBody(method, specPath, calls[0]?.body);
    },
  );
}
