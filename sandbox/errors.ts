// Kustomer's JSON:API error objects ({ errors: [{ status, code, title, detail, source, meta }] },
// developer.kustomer.com/docs/concepts/errors). Handlers throw ApiError; the server renders it.

export type KustomerErrorObject = {
  status: number;
  code: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
  meta?: { [key: string]: unknown };
};

const TITLES: { [status: number]: string } = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  431: "Request Header Fields Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
};

export class ApiError extends Error {
  readonly status: number;
  readonly errors: KustomerErrorObject[];

  constructor(status: number, errors: KustomerErrorObject[]) {
    super(errors[0]?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
  }
}

export function errorObject(
  status: number,
  code: string,
  detail: string,
  extra: Pick<KustomerErrorObject, "source" | "meta"> = {},
): KustomerErrorObject {
  return { status, code, title: TITLES[status] ?? `HTTP ${status}`, detail, ...extra };
}

export function apiError(
  status: number,
  code: string,
  detail: string,
  extra: Pick<KustomerErrorObject, "source" | "meta"> = {},
): ApiError {
  return new ApiError(status, [errorObject(status, code, detail, extra)]);
}

export function notFound(detail: string): ApiError {
  return apiError(404, "not_found", detail);
}

export function badRequest(detail: string, pointer?: string): ApiError {
  return apiError(400, "bad_request", detail, pointer === undefined ? {} : { source: { pointer } });
}

export function badParameter(parameter: string, detail: string): ApiError {
  return apiError(400, "bad_request", detail, { source: { parameter } });
}

export function conflict(detail: string, pointer?: string): ApiError {
  return apiError(409, "conflict", detail, pointer === undefined ? {} : { source: { pointer } });
}

/** RFC 6901 JSON pointer for a path such as ["emails", 0, "email"] → "/emails/0/email". */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
