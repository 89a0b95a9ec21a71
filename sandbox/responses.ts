// Building the sandbox's HTTP responses: JSON bodies, Kustomer's error shape, the rate-limit
// headers every response carries, and the "dropped connection" fault.
import { apiError, badRequest, errorObject, type KustomerErrorObject } from "./errors.ts";
import type { Operation } from "./operations.ts";
import type { FixedWindowLimiter, RateLimitHeaders } from "./rate-limit.ts";

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * The x-ratelimit-* headers, and any other a response needs (Allow on a 405); none on the answer
 * to a request that did not parse (sandbox/http.ts), which never reached the rate limit.
 */
export type ResponseHeaders = RateLimitHeaders | { [name: string]: string };

export function jsonResponse(
  status: number,
  body: unknown,
  rateHeaders: ResponseHeaders,
): Response {
  if (status === 204 || body === undefined) {
    return new Response(null, { status, headers: { ...rateHeaders } });
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": JSON_TYPE, ...rateHeaders },
  });
}

export function errorResponse(
  status: number,
  errors: KustomerErrorObject[],
  rateHeaders: ResponseHeaders,
): Response {
  return jsonResponse(status, { errors }, rateHeaders);
}

/**
 * A response whose body stream fails before the first byte: Bun then closes the connection
 * without sending a status line, so the client sees a network error (ECONNRESET) although the
 * write was committed. Erroring with undefined keeps Bun from printing a stack trace.
 */
export function droppedConnection(): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(undefined);
      },
    }),
  );
}

export function unauthorized(authorization: string | null): KustomerErrorObject {
  const detail =
    authorization === null
      ? "missing Authorization header: send Authorization: Bearer <API key>"
      : authorization.startsWith("Bearer ")
        ? "the API key is not valid for this org"
        : "the Authorization header must be: Bearer <API key>";
  return errorObject(401, "unauthorized", detail);
}

export function rateLimited(limiter: FixedWindowLimiter): KustomerErrorObject {
  return errorObject(
    429,
    "too_many_requests",
    `the org's rate limit of ${limiter.limit} requests per ${limiter.windowMs / 1000} s is used up; wait until x-ratelimit-reset`,
  );
}

export function injectedFailure(): KustomerErrorObject {
  return errorObject(500, "internal_server_error", "injected failure (--fail-rate)");
}

export function notModelled(operation: Operation): KustomerErrorObject {
  return errorObject(
    501,
    "not_implemented",
    `${operation.operationId} (${operation.method} ${operation.path}) is a Kustomer operation the sandbox does not model`,
    { meta: { operationId: operation.operationId } },
  );
}

export function noRoute(method: string, pathname: string): KustomerErrorObject {
  return errorObject(404, "not_found", `no Kustomer operation matches ${method} ${pathname}`);
}

export function wrongMethod(
  method: string,
  pathname: string,
  allowed: string[],
): KustomerErrorObject {
  return errorObject(
    405,
    "method_not_allowed",
    `${method} is not a method ${pathname} takes; it takes ${allowed.join(", ")}`,
  );
}

export function headersTooLarge(reason: string): KustomerErrorObject {
  return errorObject(
    431,
    "request_header_fields_too_large",
    `the request's headers are over the size limit (${reason}); send fewer or shorter headers`,
  );
}

export function malformedRequest(reason: string): KustomerErrorObject {
  return errorObject(
    400,
    "bad_request",
    `the request is not valid HTTP/1.1 (${reason}); the connection is closed`,
  );
}

/**
 * The request body as JSON: 413 over the size limit, 400 when it does not parse. An oversized
 * body is refused from its Content-Length before any of it is read, and a chunked one as soon as
 * it passes the limit, so a huge upload never sits whole in the sandbox's memory.
 */
export async function readJsonBody(request: Request, maxBodyBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBodyBytes) {
    throw payloadTooLarge(`is ${declared} bytes`, maxBodyBytes);
  }
  const bytes = await readAtMost(request, maxBodyBytes);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(`the request body is not valid JSON: ${reason}`);
  }
}

/** The body's bytes, read chunk by chunk; a 413 as soon as they pass maxBodyBytes. */
async function readAtMost(request: Request, maxBodyBytes: number): Promise<Uint8Array> {
  if (!request.body) {
    return new Uint8Array();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      throw payloadTooLarge(`passed ${maxBodyBytes} bytes before its end`, maxBodyBytes);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

function payloadTooLarge(what: string, maxBodyBytes: number): Error {
  return apiError(
    413,
    "payload_too_large",
    `the request body ${what}; Kustomer accepts at most ${maxBodyBytes} (about ${Math.round(maxBodyBytes / 1024)} KB)`,
  );
}
