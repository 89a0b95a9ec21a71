//native
/**
 * Get queue rule
 *
 * Fetches one queue rule by id: its name, criteria, enabled flag and the queue it routes to.
 *
 * GET /v1/routing/queue-rules/{id}
 * Roles (any one): not given by the sources we have
 * Reference: https://developer.kustomer.com/api/queues-and-routing/get-queue-rule
 * Contract: Kustomer's reference page
 */
export async function main(
  auth: Kustomer,
  /** Kustomer's id of the queue rule. */
  id: string,
) {
  return await kustomerRequest(auth, {
    operation: "GetQueueRule",
    method: "GET",
    path: "/v1/routing/queue-rules/{id}",
    pathParams: { id },
  });
}

// <kustomer-shared v1> Do not edit in a script: the source is resources/kustomer.ts.

/**
 * A Kustomer connection (the Windmill resource type `kustomer`). Only `apiKey` is required, so a
 * resource made from the Windmill Hub's `kustomer` type ({ apiKey }) keeps working, in any region.
 * The API host is chosen in this order: `baseUrl`, then `orgName`, then `region`; with none of
 * them, US, and when Kustomer answers that the key belongs to another region, that region's host.
 */
type Kustomer = {
  /** API key (Settings › Security › API Keys). Sent as a Bearer token, never printed. */
  apiKey: string;
  /** Where your org's data lives: us (api.kustomerapp.com), eu (api.prod2…), india (api.prod4…). */
  region?: "us" | "eu" | "india";
  /** Your org name, as in acme.kustomerapp.com: uses acme.api.kustomerapp.com (any region). */
  orgName?: string;
  /** Any other API base URL without /v1, e.g. a local sandbox at http://127.0.0.1:4010. */
  baseUrl?: string;
};

/** A subset of JSON Schema, generated from Kustomer's OpenAPI, used to check input locally. */
type KustomerSchema = {
  type?: "object" | "array" | "string" | "number" | "integer" | "boolean";
  nullable?: boolean;
  properties?: { [field: string]: KustomerSchema };
  required?: string[];
  additionalProperties?: boolean;
  items?: KustomerSchema;
  anyOf?: KustomerSchema[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  maxProperties?: number;
  /** Kustomer custom attributes: the name's suffix (Str, Num, At…) sets the value's type. */
  customAttributes?: boolean;
};

type KustomerRequest = {
  /** The operation's name in Kustomer's reference, sent in the User-Agent. */
  operation: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path template as in Kustomer's reference, e.g. /v1/customers/{id}. */
  path: string;
  pathParams?: { [name: string]: unknown };
  query?: { [name: string]: unknown };
  /** Query parameters that must have a value, e.g. the ids of a bulk delete. */
  requiredQuery?: string[];
  /** Rules for query values (allowed values, ranges), checked before sending. */
  querySchema?: { [name: string]: KustomerSchema };
  body?: unknown;
  bodySchema?: KustomerSchema;
  /** The largest body Kustomer takes on this endpoint, in bytes (default 100 KB). */
  maxBytes?: number;
  /** Told of every attempt, retries included; the import scripts pace themselves with it. */
  observer?: KustomerObserver;
};

/**
 * Sees each HTTP attempt: beforeAttempt is awaited before it is sent (a pacer can hold it back),
 * afterAttempt gets its status (0 when no response came) and the x-ratelimit-* headers.
 */
type KustomerObserver = {
  beforeAttempt(): Promise<void>;
  afterAttempt(status: number, rateLimit: KustomerRateLimit): void;
};

type KustomerProblem = { path: (string | number)[]; message: string; keyword: string };

type KustomerRateLimit = { limit?: number; remaining?: number; reset?: number };

const KUSTOMER_HOSTS = {
  us: "https://api.kustomerapp.com",
  eu: "https://api.prod2.kustomerapp.com",
  india: "https://api.prod4.kustomerapp.com",
};

/** Kustomer's name for each region's pod, as its region-mismatch answer gives it. */
const KUSTOMER_POD_HOSTS: { [pod: string]: string } = {
  prod1: KUSTOMER_HOSTS.us,
  prod2: KUSTOMER_HOSTS.eu,
  prod4: KUSTOMER_HOSTS.india,
};

/**
 * The region found for a key that names none (a resource made from the Hub's kustomer type is
 * only { apiKey }), so that later requests of the same job go to the right host at once.
 */
const kustomerDetectedHosts = new Map<string, string>();

const KUSTOMER_USER_AGENT = "kustomer-windmill-scripts/1.0";

/** Kustomer takes at most 100 records per bulk call (developer.kustomer.com/docs/guides/bulk-operations). */
const KUSTOMER_BULK_LIMIT = 100;

/**
 * Retry and timeout policy. A 429 means the request was not processed, so it is retried for every
 * method. A 5xx, a network error or a timeout may come after the write happened, so only GET, PUT
 * and DELETE (which are safe to repeat) are retried; a POST or PATCH is never sent twice by us.
 */
const kustomerSettings = {
  maxAttempts: 6,
  maxServerErrorRetries: 2,
  /** Longest total wait across retries. Kustomer's rate-limit window is 60 s. */
  maxTotalWaitMs: 90_000,
  backoffBaseMs: 500,
  backoffMaxMs: 20_000,
  attemptTimeoutMs: 30_000,
  /**
   * Kustomer refuses a request body over 100 KB with 413 on most endpoints
   * (https://developer.kustomer.com/kustomer-api-docs/reference/errors); a larger body is refused
   * here, before sending. A request may name its own limit (maxBytes).
   */
  maxRequestBytes: 100_000,
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
  /**
   * Where progress lines go (imports, waits for bulk operations): Windmill puts a Bun job's
   * console output in the job log; from a terminal they go to stderr, so stdout stays JSON.
   */
  // biome-ignore lint/suspicious/noConsole: a Windmill job's log is its console output
  log: (line: string): void => console.log(line),
  /**
   * A long step (an import, a wait for a bulk operation) logs a progress line at least this often:
   * every 30 s in a Windmill job log; kustomerCli sets 5 s, so a terminal is never silent for long.
   */
  progressEveryMs: 30_000,
};

/**
 * How messages name the connection's fields: the resource's fields in Windmill, the environment
 * variables from a terminal (kustomerCli sets them), so a message names what the user set.
 */
const kustomerAuthNames = {
  apiKey: "auth.apiKey",
  region: "auth.region",
  orgName: "auth.orgName",
  baseUrl: "auth.baseUrl",
};

/**
 * Every failure a script reports: bad input (status 0, code "invalid_input"), no response
 * (status 0, code "network_error" or "timeout") or an HTTP error from Kustomer. It never holds the
 * API key: not in the message, a property, the stack or the cause.
 */
class KustomerError extends Error {
  override name = "KustomerError" as const;
  /** HTTP status, or 0 when no response was received (bad input, network error, timeout). */
  readonly status: number;
  /** Kustomer's errors[0].code, else invalid_input, network_error, timeout or http_<status>. */
  readonly code: string;
  readonly method: string;
  /** Path and query of the request (never the host's credentials). */
  readonly path: string;
  /** Kustomer's `errors` array as returned, or the problems found in the input. */
  readonly errors: unknown[];
  /** The x-ratelimit-* headers of the last response, when present. */
  readonly rateLimit: KustomerRateLimit;
  /** How long Kustomer asked us to wait (Retry-After or x-ratelimit-reset), in ms. */
  readonly retryAfterMs: number | undefined;
  /** How many requests were sent (0 when the input was rejected before sending). */
  readonly attempts: number;

  constructor(fields: {
    message: string;
    status: number;
    code: string;
    method: string;
    path: string;
    errors?: unknown[];
    rateLimit?: KustomerRateLimit;
    retryAfterMs?: number;
    attempts: number;
    cause?: unknown;
  }) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.status = fields.status;
    this.code = fields.code;
    this.method = fields.method;
    this.path = fields.path;
    this.errors = fields.errors ?? [];
    this.rateLimit = fields.rateLimit ?? {};
    this.retryAfterMs = fields.retryAfterMs;
    this.attempts = fields.attempts;
  }
}

/** Sends one Kustomer API request with validation, retries and error mapping; see kustomerSettings. */
async function kustomerRequest(auth: Kustomer, request: KustomerRequest): Promise<unknown> {
  const { method } = request;
  const inputError = (message: string, problems: KustomerProblem[] = []) =>
    new KustomerError({
      message: `Kustomer ${method} ${request.path}: ${message}`,
      status: 0,
      code: "invalid_input",
      method,
      path: request.path,
      errors: problems,
      attempts: 0,
    });
  const apiKey = kustomerApiKey(auth, inputError);
  const hostChosen = [auth.baseUrl, auth.orgName, auth.region].some((v) => kustomerText(v) !== "");
  const baseUrl = hostChosen
    ? kustomerBaseUrl(auth, inputError)
    : (kustomerDetectedHosts.get(apiKey) ?? kustomerBaseUrl(auth, inputError));
  const path = kustomerFillPath(request.path, request.pathParams ?? {}, inputError);
  for (const name of request.requiredQuery ?? []) {
    if (kustomerQueryString({ [name]: request.query?.[name] }) === "") {
      throw inputError(`${name} is required: pass a non-empty ${name}`);
    }
  }
  for (const [name, rule] of Object.entries(request.querySchema ?? {})) {
    const value = request.query?.[name];
    if (value !== undefined && value !== null && value !== "") {
      const problems = kustomerValidate(rule, value);
      if (problems.length > 0) {
        const messages = problems.map((item) => `${name} ${item.message}`);
        throw inputError(`invalid input, nothing was sent:\n- ${messages.join("\n- ")}`, problems);
      }
    }
  }
  const pathWithQuery = path + kustomerQueryString(request.query ?? {});
  let payload: string | undefined;
  if (request.body !== undefined) {
    const schema = request.bodySchema;
    // A bulk body stays a list even when empty, so the check below can say what is wrong.
    const body = Array.isArray(request.body)
      ? kustomerDropUnsetItems(request.body, schema?.items)
      : kustomerDropUnset(request.body, schema);
    if (body === undefined) {
      // Say which fields are required, when the schema names some, rather than "nothing set".
      const missing = schema ? kustomerValidate(schema, {}) : [];
      throw missing.length > 0 && (schema?.required?.length ?? 0) > 0
        ? inputError(kustomerDescribeProblems(missing), missing)
        : inputError(
            "body has no fields set: fill in at least one field (null clears a value; null on a list empties it)",
          );
    }
    if (schema) {
      const problems = kustomerValidate(schema, body);
      if (problems.length > 0) {
        throw inputError(kustomerDescribeProblems(problems), problems);
      }
    }
    payload = JSON.stringify(body);
    const limit = request.maxBytes ?? kustomerSettings.maxRequestBytes;
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit: count bytes only when it may matter.
    const bytes = payload.length * 3 > limit ? new TextEncoder().encode(payload).length : 0;
    if (bytes > limit) {
      throw inputError(
        `body is ${bytes} bytes as JSON; Kustomer refuses a request over ${limit} bytes (413 Payload Too Large): send fewer or smaller ${Array.isArray(body) ? "items per request" : "fields"}`,
      );
    }
  }
  const headers: { [name: string]: string } = {
    Authorization: `Bearer ${apiKey}`,
    Accept: "application/json",
    "User-Agent": `${KUSTOMER_USER_AGENT} (${request.operation})`,
  };
  if (payload !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const send = (host: string) =>
    kustomerSend({
      method,
      url: host + pathWithQuery,
      pathWithQuery,
      headers,
      payload,
      apiKey,
      observer: request.observer,
    });
  if (hostChosen) {
    return send(baseUrl);
  }
  try {
    return await send(baseUrl);
  } catch (error) {
    const podHost = kustomerRegionFromMismatch(error);
    if (podHost === undefined || podHost === baseUrl) {
      throw error;
    }
    // No region was set and the key belongs to another one: Kustomer refused the request before
    // doing anything with it, so it is sent once more, to the key's own region.
    kustomerDetectedHosts.set(apiKey, podHost);
    return send(podHost);
  }
}

/**
 * The host of the key's region when Kustomer refused a request for being sent to another region
 * ("Auth token associated with pod prod2 but request is being handled by prod1":
 * https://developer.kustomer.com/docs/get-started/regions-and-base-urls), else undefined.
 */
function kustomerRegionFromMismatch(error: unknown): string | undefined {
  if (!(error instanceof KustomerError) || error.status < 400 || error.status >= 500) {
    return undefined;
  }
  const text = `${error.message} ${JSON.stringify(error.errors ?? [])}`;
  const pod = /associated with pod (prod\d+)/i.exec(text)?.[1]?.toLowerCase();
  return pod === undefined ? undefined : KUSTOMER_POD_HOSTS[pod];
}

const KUSTOMER_KEY_CHARACTERS = /^[\x21-\x7e]+$/;

function kustomerApiKey(auth: Kustomer, inputError: (message: string) => KustomerError): string {
  const names = kustomerAuthNames;
  if (auth === null || typeof auth !== "object") {
    throw inputError(
      "auth is missing: pass a kustomer resource ({ apiKey, region?, orgName?, baseUrl? })",
    );
  }
  const apiKey = typeof auth.apiKey === "string" ? auth.apiKey.trim() : "";
  if (apiKey === "") {
    throw inputError(
      `${names.apiKey} is empty: set the API key from Settings › Security › API Keys`,
    );
  }
  // The key goes in an HTTP header, which takes printable ASCII only; anything else is a copy
  // mistake (a smart quote, an invisible character) that no retry would fix. One test when all is
  // well; the messages below say which mistake it is.
  if (KUSTOMER_KEY_CHARACTERS.test(apiKey)) {
    return apiKey;
  }
  if (/^bearer\s/i.test(apiKey) || /\s/.test(apiKey)) {
    throw inputError(`${names.apiKey} must be the key alone, without 'Bearer ' or spaces`);
  }
  throw inputError(
    `${names.apiKey} holds characters an HTTP header cannot carry (non-ASCII or control characters): copy the key again from Settings › Security › API Keys`,
  );
}

/** The last baseUrl checked, and the origin it gave. */
let kustomerLastBaseUrl: [string, string] = ["", ""];

/** Picks the API host; see https://developer.kustomer.com/docs/get-started/regions-and-base-urls */
function kustomerBaseUrl(auth: Kustomer, inputError: (message: string) => KustomerError): string {
  const names = kustomerAuthNames;
  const baseUrl = kustomerText(auth.baseUrl);
  if (baseUrl !== "" && baseUrl === kustomerLastBaseUrl[0]) {
    return kustomerLastBaseUrl[1]; // checked already: a run sends many requests to one host
  }
  if (baseUrl !== "") {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw inputError(
        `${names.baseUrl} "${baseUrl}" is not a URL: use e.g. https://acme.api.kustomerapp.com`,
      );
    }
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    // The key travels in a header: plain http is only acceptable to this machine (a sandbox).
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      throw inputError(
        `${names.baseUrl} must use https:// (plain http:// only for 127.0.0.1 or localhost)`,
      );
    }
    const origin = url.origin + url.pathname.replace(/\/+$/, "").replace(/\/v1$/, "");
    kustomerLastBaseUrl = [baseUrl, origin];
    return origin;
  }
  const orgName = kustomerText(auth.orgName);
  if (orgName !== "") {
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(orgName)) {
      throw inputError(
        `${names.orgName} "${orgName}" is not an org name: use "acme" for acme.kustomerapp.com`,
      );
    }
    return `https://${orgName.toLowerCase()}.api.kustomerapp.com`;
  }
  const region = kustomerText(auth.region).toLowerCase() || "us";
  if (!Object.hasOwn(KUSTOMER_HOSTS, region)) {
    throw inputError(`${names.region} "${auth.region}" is not one of us, eu, india`);
  }
  return KUSTOMER_HOSTS[region as keyof typeof KUSTOMER_HOSTS];
}

function kustomerText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Fills {name} placeholders with percent-encoded values, e.g. email={email} with a+b@x.io. */
function kustomerFillPath(
  template: string,
  values: { [name: string]: unknown },
  inputError: (message: string) => KustomerError,
): string {
  return template.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
    const value = values[name];
    const text = typeof value === "number" ? String(value) : kustomerText(value);
    if (text === "") {
      throw inputError(`${name} is required: pass a non-empty ${name}`);
    }
    // A comma is legal in a path segment (RFC 3986 sub-delims) and is how the multi-id routes
    // separate ids (/v1/conversations/times/{ids}), so it stays literal; all else is encoded.
    return encodeURIComponent(text).replace(/%2C/g, ",");
  });
}

/** Builds ?a=1&b=x, leaving out values that are undefined, null, empty or empty lists. */
function kustomerQueryString(query: { [name: string]: unknown }): string {
  let empty = true;
  for (const name in query) {
    if (query[name] !== undefined) {
      empty = false;
      break;
    }
  }
  if (empty) {
    return "";
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    // A list (ids) is sent comma-separated, as Kustomer's reference writes it: ids=id1,id2.
    const text = Array.isArray(value)
      ? value.filter((item) => item !== undefined && item !== null && item !== "").join(",")
      : value === undefined || value === null
        ? ""
        : String(value);
    if (text !== "") {
      params.append(name, text);
    }
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/**
 * Windmill's form sends fields the user never touched as "", [] or {}. Sending those would erase
 * data on an update, so they are dropped at every depth; null stays, as the explicit way to clear
 * a value. A list cannot be null in Kustomer's schema, so null on a list field whose schema does
 * not allow null means "empty it" and is sent as [] (the one way to clear tags, emails, phones…).
 * Returns undefined when nothing is left, and the value itself when nothing changed.
 */
function kustomerDropUnset(value: unknown, schema?: KustomerSchema): unknown {
  if (value === undefined || value === "") {
    return undefined;
  }
  if (value === null) {
    return schema?.type === "array" && !schema.nullable ? [] : null;
  }
  if (typeof value !== "object") {
    return value;
  }
  if (Array.isArray(value)) {
    return kustomerDropUnsetItems(value, schema?.items, true);
  }
  const record = value as { [field: string]: unknown };
  let kept: { [field: string]: unknown } | undefined;
  let count = 0;
  for (const field in record) {
    const fieldValue = record[field];
    // Most values are plain text, numbers or booleans: kept as they are, without a call.
    const cleaned =
      fieldValue !== "" && fieldValue !== null && typeof fieldValue !== "object"
        ? fieldValue
        : kustomerDropUnset(fieldValue, kustomerFieldRule(schema, field));
    if (cleaned !== fieldValue && kept === undefined) {
      // Copy only once something differs: most bodies are sent as given.
      kept = {};
      for (const earlier in record) {
        if (earlier === field) {
          break;
        }
        kept[earlier] = record[earlier];
      }
    }
    if (cleaned !== undefined) {
      count++;
      if (kept !== undefined) {
        kept[field] = cleaned;
      }
    }
  }
  return count === 0 ? undefined : (kept ?? record);
}

/**
 * A field's rule in an object schema: from its properties, or, for a body Kustomer accepts in
 * several shapes (anyOf: a conversation update, a draft), from the first shape that has the field,
 * so that null on a list field empties it there too.
 */
function kustomerFieldRule(
  schema: KustomerSchema | undefined,
  field: string,
): KustomerSchema | undefined {
  const rule = schema?.properties?.[field];
  if (rule !== undefined || schema?.anyOf === undefined) {
    return rule;
  }
  for (const shape of schema.anyOf) {
    const shapeRule = kustomerFieldRule(shape, field);
    if (shapeRule !== undefined) {
      return shapeRule;
    }
  }
  return undefined;
}

/**
 * The items of a list without their blanks. A bulk body (emptyIsUnset false) stays a list even
 * when empty, so the check can say what is wrong; a field's list left empty is a form blank.
 */
function kustomerDropUnsetItems(
  items: unknown[],
  schema: KustomerSchema | undefined,
  emptyIsUnset = false,
): unknown[] | undefined {
  let kept: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const cleaned = kustomerDropUnset(item, schema);
    if (cleaned !== item && kept === undefined) {
      kept = items.slice(0, index);
    }
    if (kept !== undefined && cleaned !== undefined) {
      kept.push(cleaned);
    }
  }
  const result = kept ?? items;
  return emptyIsUnset && result.length === 0 ? undefined : result;
}

/** Custom attribute names end in a suffix that sets their type (developer.kustomer.com/docs/concepts/custom-attributes). */
const KUSTOMER_CUSTOM_SUFFIX = /^[a-zA-Z][a-zA-Z0-9]*?(Str|Txt|Num|At|Bool|Url|Id)$/;

/**
 * Checks a value against a schema; returns every problem found (at most 20). The path is one
 * array, pushed and popped on the way down and copied only into a problem, so a valid body costs
 * no allocation per field.
 */
function kustomerValidate(
  schema: KustomerSchema,
  value: unknown,
  path: (string | number)[] = [],
  problems: KustomerProblem[] = [],
): KustomerProblem[] {
  if (problems.length >= 20) {
    return problems;
  }
  if (value === null) {
    if (!schema.nullable && schema.type !== undefined) {
      kustomerProblem(problems, path, "type", `must be ${kustomerTypeName(schema)} (got null)`);
    }
    return problems;
  }
  if (schema.anyOf) {
    const attempts = schema.anyOf.map((option) => kustomerValidate(option, value, [...path]));
    if (!attempts.some((found) => found.length === 0)) {
      // Name what the nearest shape lacks, so the message says what to fix.
      const closest = attempts.reduce((best, found) => (found.length < best.length ? found : best));
      if (attempts.length === 1) {
        problems.push(...closest);
        return problems;
      }
      const hint = closest[0]
        ? `; the closest fails at ${kustomerDescribeProblems([closest[0]]).split("\n- ")[1]}`
        : "";
      kustomerProblem(
        problems,
        path,
        "anyOf",
        `does not match any of the ${attempts.length} shapes Kustomer accepts here${hint}`,
      );
      return problems;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    kustomerProblem(
      problems,
      path,
      "enum",
      `must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(", ")} (got ${kustomerShow(value)})`,
    );
    return problems;
  }
  const expected = schema.type;
  const actual = typeof value;
  const typeOk =
    expected === undefined ||
    (expected === "array"
      ? Array.isArray(value)
      : expected === "object"
        ? actual === "object" && !Array.isArray(value)
        : expected === "integer"
          ? Number.isInteger(value)
          : expected === "number"
            ? actual === "number" && Number.isFinite(value)
            : expected === actual);
  if (!typeOk) {
    kustomerProblem(
      problems,
      path,
      "type",
      `must be ${kustomerTypeName(schema)} (got ${kustomerShow(value)})`,
    );
    return problems;
  }
  if (actual === "string") {
    kustomerCheckString(schema, value as string, path, problems);
  } else if (actual === "number") {
    const number = value as number;
    if (schema.minimum !== undefined && number < schema.minimum) {
      kustomerProblem(
        problems,
        path,
        "minimum",
        `must be at least ${schema.minimum} (got ${number})`,
      );
    }
    if (schema.maximum !== undefined && number > schema.maximum) {
      kustomerProblem(
        problems,
        path,
        "maximum",
        `must be at most ${schema.maximum} (got ${number})`,
      );
    }
  } else if (Array.isArray(value)) {
    kustomerCheckArray(schema, value, path, problems);
  } else if (actual === "object") {
    kustomerCheckObject(schema, value as { [field: string]: unknown }, path, problems);
  }
  return problems;
}

function kustomerProblem(
  problems: KustomerProblem[],
  path: (string | number)[],
  keyword: string,
  message: string,
): void {
  problems.push({ path: [...path], message, keyword });
}

/** A value as a message shows it: short values as JSON, long ones cut, objects by kind. */
function kustomerShow(value: unknown): string {
  if (Array.isArray(value)) {
    return "a list";
  }
  if (value !== null && typeof value === "object") {
    return "an object";
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function kustomerCheckString(
  schema: KustomerSchema,
  value: string,
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    kustomerProblem(
      problems,
      path,
      "minLength",
      `must be at least ${schema.minLength} characters (got ${kustomerShow(value)})`,
    );
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    kustomerProblem(
      problems,
      path,
      "maxLength",
      `is ${value.length} characters long; at most ${schema.maxLength} allowed`,
    );
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    kustomerProblem(
      problems,
      path,
      "pattern",
      `does not match the pattern Kustomer requires: ${schema.pattern} (got ${kustomerShow(value)})`,
    );
  }
}

function kustomerCheckArray(
  schema: KustomerSchema,
  value: unknown[],
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  const isBulkBody = path.length === 0 && schema.maxItems === KUSTOMER_BULK_LIMIT;
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    kustomerProblem(
      problems,
      path,
      "minItems",
      `has ${value.length} items; pass at least ${schema.minItems}`,
    );
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    kustomerProblem(
      problems,
      path,
      "maxItems",
      isBulkBody
        ? `has ${value.length} items; Kustomer takes at most ${KUSTOMER_BULK_LIMIT} per bulk request: split the list into chunks of ${KUSTOMER_BULK_LIMIT} and send one request per chunk`
        : `has ${value.length} items; at most ${schema.maxItems} allowed`,
    );
  }
  const items = schema.items;
  if (items) {
    for (let index = 0; index < value.length && problems.length < 20; index++) {
      path.push(index);
      kustomerValidate(items, value[index], path, problems);
      path.pop();
    }
  }
}

function kustomerCheckObject(
  schema: KustomerSchema,
  value: { [field: string]: unknown },
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  if (schema.maxProperties !== undefined) {
    const count = Object.keys(value).length;
    if (count > schema.maxProperties) {
      kustomerProblem(
        problems,
        path,
        "maxProperties",
        `has ${count} fields; at most ${schema.maxProperties} allowed`,
      );
    }
  }
  for (const field of schema.required ?? []) {
    if (value[field] === undefined) {
      path.push(field);
      kustomerProblem(problems, path, "required", "is required");
      path.pop();
    }
  }
  const properties = schema.properties;
  for (const field in value) {
    const fieldValue = value[field];
    if (fieldValue === undefined) {
      continue; // not sent: JSON leaves it out
    }
    const fieldSchema = properties?.[field];
    path.push(field);
    if (fieldSchema) {
      kustomerValidate(fieldSchema, fieldValue, path, problems);
    } else if (schema.customAttributes) {
      kustomerCheckCustomAttribute(field, fieldValue, path, problems);
    } else if (schema.additionalProperties === false) {
      const known = Object.keys(properties ?? {});
      const lower = field.toLowerCase();
      const guess = known.find((name) => name.toLowerCase() === lower);
      kustomerProblem(
        problems,
        path,
        "additionalProperties",
        `is not a field Kustomer accepts here${guess ? ` (did you mean "${guess}"?)` : ""}`,
      );
    }
    path.pop();
  }
}

/** What each custom attribute suffix takes: its description and its check. */
const KUSTOMER_CUSTOM_TYPES: { [suffix: string]: [string, (value: unknown) => boolean] } = {
  Str: ["a string of at most 1024 characters", (v) => typeof v === "string" && v.length <= 1024],
  Txt: ["a string", (v) => typeof v === "string"],
  Num: ["a number", (v) => typeof v === "number" && Number.isFinite(v)],
  At: [
    "an ISO-8601 date-time string",
    (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)),
  ],
  Bool: ["a boolean", (v) => typeof v === "boolean"],
  Url: ["a URL string", (v) => typeof v === "string" && URL.canParse(v)],
  Id: ["an id string", (v) => typeof v === "string" && v !== ""],
};

function kustomerCheckCustomAttribute(
  name: string,
  value: unknown,
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  const suffix = KUSTOMER_CUSTOM_SUFFIX.exec(name)?.[1];
  if (suffix === undefined) {
    kustomerProblem(
      problems,
      path,
      "customAttributeName",
      "must end in a type suffix: Str, Txt, Num, At, Bool, Url or Id (e.g. tierStr, ordersNum)",
    );
    return;
  }
  if (value === null) {
    return;
  }
  const [description, accepts] = KUSTOMER_CUSTOM_TYPES[suffix] ?? ["a value", () => true];
  if (!accepts(value)) {
    kustomerProblem(
      problems,
      path,
      "customAttributeType",
      `must be ${description} or null (its name ends in ${suffix}; got ${kustomerShow(value)})`,
    );
  }
}

function kustomerTypeName(schema: KustomerSchema): string {
  const names = {
    object: "an object",
    array: "an array",
    string: "a string",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
  };
  const name = schema.type ? names[schema.type] : "a value";
  return schema.nullable ? `${name} or null` : name;
}

/** Renders problems as one line per problem: body.emails[0].email is required. */
function kustomerDescribeProblems(problems: KustomerProblem[]): string {
  const lines = problems.map((item) => {
    const where = item.path
      .map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`))
      .join("");
    return `body${where} ${item.message}`;
  });
  return `invalid input, nothing was sent:\n- ${lines.join("\n- ")}`;
}

type KustomerAttempt = {
  method: string;
  url: string;
  pathWithQuery: string;
  headers: { [name: string]: string };
  payload: string | undefined;
  apiKey: string;
  observer?: KustomerObserver;
};

async function kustomerSend(attempt: KustomerAttempt): Promise<unknown> {
  const { method, pathWithQuery, apiKey } = attempt;
  const canRepeat = method === "GET" || method === "PUT" || method === "DELETE";
  const mayHaveRun =
    "not retried automatically: the request may have been processed, so check in Kustomer (for example look the record up by externalId) before sending it again";
  let waitedMs = 0;
  let serverErrorRetries = 0;
  for (let attemptNumber = 1; ; attemptNumber++) {
    await attempt.observer?.beforeAttempt();
    const outcome = await kustomerFetchOnce(attempt);
    attempt.observer?.afterAttempt(
      "response" in outcome ? outcome.response.status : 0,
      "response" in outcome ? kustomerRateLimit(outcome.response.headers) : {},
    );
    const fail = (fields: {
      message: string;
      status: number;
      code: string;
      errors?: unknown[];
      retryAfterMs?: number;
      cause?: unknown;
    }) =>
      new KustomerError({
        ...fields,
        message: kustomerRedact(
          `Kustomer ${method} ${pathWithQuery} failed: ${fields.message}`,
          apiKey,
        ),
        method,
        path: pathWithQuery,
        rateLimit: "response" in outcome ? kustomerRateLimit(outcome.response.headers) : {},
        attempts: attemptNumber,
      });
    /** Waits before repeating a GET, PUT or DELETE, when retries and waiting budget are left. */
    const mayRetry = async (waitMs: number): Promise<boolean> => {
      if (
        !canRepeat ||
        serverErrorRetries >= kustomerSettings.maxServerErrorRetries ||
        attemptNumber >= kustomerSettings.maxAttempts ||
        waitedMs + waitMs > kustomerSettings.maxTotalWaitMs
      ) {
        return false;
      }
      serverErrorRetries++;
      waitedMs += waitMs;
      await kustomerSettings.sleep(waitMs);
      return true;
    };
    if ("failure" in outcome) {
      const { code, detail, reached } = outcome.failure;
      if (await mayRetry(kustomerBackoff(serverErrorRetries + 1))) {
        continue;
      }
      const advice = canRepeat
        ? `gave up after ${attemptNumber} attempt(s)`
        : reached
          ? mayHaveRun
          : "the request did not reach the server, so nothing was processed";
      throw fail({ message: `${detail}; ${advice}`, status: 0, code, cause: new Error(detail) });
    }
    const { response, text } = outcome;
    const status = `${response.status} ${kustomerStatusText(response)}`.trim();
    if (response.status >= 300 && response.status < 400) {
      // Redirects are not followed: the key would go along to wherever it points, and Kustomer's
      // API does not redirect; the base URL is wrong.
      const location = response.headers.get("location") ?? "nowhere (no Location header)";
      throw fail({
        message: `${status}: the server redirects to ${location}; redirects are not followed (the API key would go along): set ${kustomerAuthNames.baseUrl} (or ${kustomerAuthNames.region}) to the API host itself; not retried`,
        status: response.status,
        code: "redirect",
      });
    }
    if (response.ok) {
      if (response.status === 204 || text.trim() === "") {
        return null;
      }
      try {
        return JSON.parse(text);
      } catch {
        // A proxy's page or a cut-off answer is not a success: say what came back.
        const type = response.headers.get("content-type") ?? "no content type";
        const json = /json/i.test(type);
        if (json && (await mayRetry(kustomerBackoff(serverErrorRetries + 1)))) {
          continue;
        }
        const start = text.slice(0, 80).replace(/\s+/g, " ").trim();
        const what = json
          ? `${type} that is not complete JSON (cut off after ${text.length} characters?)`
          : `${type}, not Kustomer's JSON`;
        const hint = json
          ? ""
          : `: is ${kustomerAuthNames.baseUrl} the API host (https://api.kustomerapp.com, or your org's https://<org>.api.kustomerapp.com)?`;
        const advice = canRepeat ? "" : `; ${mayHaveRun}`;
        throw fail({
          message: `${status} answered with ${what}, starting "${start}"${hint}${advice}`,
          status: response.status,
          code: "invalid_response",
        });
      }
    }
    const errors = kustomerErrorList(text, apiKey);
    const summary = status + kustomerErrorText(errors, text);
    const code = kustomerErrorCode(errors) ?? `http_${response.status}`;
    // The rate-limit reset only says when a throttled request may go again; a 5xx waits only
    // when the server sends Retry-After.
    const retryAfterMs = kustomerRetryAfterMs(response.headers, response.status === 429);
    if (response.status === 429) {
      // A throttled request was not processed, so repeating it is safe for every method.
      const waitMs = retryAfterMs ?? kustomerBackoff(attemptNumber);
      const withinBudget = waitedMs + waitMs <= kustomerSettings.maxTotalWaitMs;
      if (attemptNumber < kustomerSettings.maxAttempts && withinBudget) {
        waitedMs += waitMs;
        await kustomerSettings.sleep(waitMs);
        continue;
      }
      const budgetS = Math.round(kustomerSettings.maxTotalWaitMs / 1000);
      const reason = withinBudget
        ? `gave up after ${attemptNumber} attempt(s) and ${Math.round(waitedMs / 1000)} s of waiting`
        : `Kustomer asked to wait ${Math.ceil(waitMs / 1000)} s, more than the ${Math.max(0, Math.round((kustomerSettings.maxTotalWaitMs - waitedMs) / 1000))} s left of the ${budgetS} s waiting budget (waited ${Math.round(waitedMs / 1000)} s over ${attemptNumber} attempt(s))`;
      const advice = `rate limited by Kustomer (the org-wide budget is shared by every key); ${reason}: retry later or send fewer requests (bulk endpoints take 100 records per request)`;
      throw fail({ message: `${summary}; ${advice}`, status: 429, code, errors, retryAfterMs });
    }
    // 501 Not Implemented and 505 HTTP Version Not Supported say the server will never do it:
    // not worth repeating, and nothing was processed.
    const serverError =
      response.status >= 500 && response.status !== 501 && response.status !== 505;
    if (serverError && (await mayRetry(retryAfterMs ?? kustomerBackoff(serverErrorRetries + 1)))) {
      continue;
    }
    const note =
      serverError && !canRepeat
        ? `; ${mayHaveRun}`
        : serverError
          ? `; gave up after ${attemptNumber} attempt(s)`
          : "";
    throw fail({ message: summary + note, status: response.status, code, errors, retryAfterMs });
  }
}

type KustomerOutcome =
  | { response: Response; text: string }
  | {
      failure: {
        code: "network_error" | "timeout";
        detail: string;
        /** False when the request surely never reached the server (connection refused). */
        reached: boolean;
      };
    };

/** One request with a per-attempt timeout that also covers reading the body. */
async function kustomerFetchOnce(attempt: KustomerAttempt): Promise<KustomerOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), kustomerSettings.attemptTimeoutMs);
  try {
    const response = await fetch(attempt.url, {
      method: attempt.method,
      headers: attempt.headers,
      body: attempt.payload,
      signal: controller.signal,
      redirect: "manual",
    });
    const text = await response.text();
    return { response, text };
  } catch (error) {
    if (controller.signal.aborted) {
      return {
        failure: {
          code: "timeout",
          detail: `no answer within ${kustomerSettings.attemptTimeoutMs} ms`,
          reached: true,
        },
      };
    }
    return { failure: kustomerNetworkFailure(error, attempt) };
  } finally {
    clearTimeout(timer);
  }
}

/** Names the host and what went wrong, in words rather than the runtime's internal text. */
function kustomerNetworkFailure(
  error: unknown,
  attempt: KustomerAttempt,
): { code: "network_error"; detail: string; reached: boolean } {
  const url = new URL(attempt.url);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const where = `${url.hostname}:${port}`;
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  if (code === "ECONNREFUSED" || code === "ConnectionRefused") {
    return {
      code: "network_error",
      detail: `could not connect to ${where}: connection refused (nothing listens there; check ${kustomerAuthNames.baseUrl} and that the server runs)`,
      reached: false,
    };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return {
      code: "network_error",
      detail: `could not find the host ${url.hostname} (DNS lookup failed: check ${kustomerAuthNames.baseUrl} or ${kustomerAuthNames.orgName}, and the network)`,
      reached: false,
    };
  }
  const raw = error instanceof Error ? error.message : String(error);
  const words = raw
    .replace(/Is the computer able to access the url\??/i, "")
    .replace(/For more information, pass `verbose: true`[^.]*\.?/i, "")
    .trim();
  return {
    code: "network_error",
    detail: `network error talking to ${where}: ${kustomerRedact(words || code || "connection failed", attempt.apiKey)}`,
    reached: true,
  };
}

/** HTTP/2 responses carry no reason phrase; these are the statuses Kustomer documents. */
function kustomerStatusText(response: Response): string {
  const known: { [status: number]: string } = {
    200: "OK",
    201: "Created",
    202: "Accepted",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    413: "Payload Too Large",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
  };
  return response.statusText || known[response.status] || "";
}

function kustomerErrorList(text: string, apiKey: string): unknown[] {
  try {
    const parsed = JSON.parse(kustomerRedact(text, apiKey));
    return Array.isArray(parsed?.errors) ? parsed.errors : [];
  } catch {
    return [];
  }
}

/**
 * Kustomer answers errors in two shapes: { errors: [{ code, message, meta }] } and JSON:API
 * { errors: [{ status, code, title, detail, source: { pointer | parameter } }] }.
 * See https://developer.kustomer.com/docs/concepts/errors
 */
function kustomerErrorText(errors: unknown[], text: string): string {
  const parts = errors.slice(0, 3).map((error) => {
    const item = (error ?? {}) as {
      message?: unknown;
      detail?: unknown;
      title?: unknown;
      source?: { pointer?: unknown; parameter?: unknown };
    };
    const words = [item.message, item.detail, item.title].find(
      (part) => typeof part === "string" && part !== "",
    );
    const where = item.source?.pointer ?? item.source?.parameter;
    return [words, typeof where === "string" ? `(at ${where})` : undefined]
      .filter(Boolean)
      .join(" ");
  });
  const joined = parts.filter((part) => part !== "").join("; ");
  if (joined !== "") {
    return `: ${joined}`;
  }
  const raw = text.trim().slice(0, 300);
  return raw === "" ? "" : `: ${raw}`;
}

function kustomerErrorCode(errors: unknown[]): string | undefined {
  const code = (errors[0] as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

function kustomerRateLimit(headers: Headers): KustomerRateLimit {
  const read = (name: string) => {
    const value = Number(headers.get(name) ?? Number.NaN);
    return Number.isFinite(value) ? value : undefined;
  };
  const limits: KustomerRateLimit = {};
  const limit = read("x-ratelimit-limit");
  const remaining = read("x-ratelimit-remaining");
  const reset = read("x-ratelimit-reset");
  if (limit !== undefined) {
    limits.limit = limit;
  }
  if (remaining !== undefined) {
    limits.remaining = remaining;
  }
  if (reset !== undefined) {
    limits.reset = reset;
  }
  return limits;
}

/**
 * How long to wait before retrying: Retry-After (seconds or a date) if sent, else
 * x-ratelimit-reset, whose unit Kustomer does not document: a large number is read as an epoch
 * time (seconds or ms), a small one as seconds to wait (https://developer.kustomer.com/docs/concepts/rate-limits).
 */
function kustomerRetryAfterMs(headers: Headers, useRateLimitReset = true): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) {
      return Math.max(0, seconds * 1000);
    }
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) {
      return Math.max(0, date - Date.now());
    }
  }
  const reset = Number(headers.get("x-ratelimit-reset") ?? Number.NaN);
  if (!useRateLimitReset || !Number.isFinite(reset) || reset < 0) {
    return undefined;
  }
  // A reset time already passed by our clock still means "soon" to the server: wait a little.
  const minimumMs = 250;
  if (reset > 1e12) {
    return Math.max(minimumMs, reset - Date.now());
  }
  if (reset > 1e9) {
    return Math.max(minimumMs, reset * 1000 - Date.now());
  }
  return Math.max(minimumMs, reset * 1000);
}

/** Capped exponential backoff with jitter (half fixed, half random). */
function kustomerBackoff(retryNumber: number): number {
  const capped = Math.min(
    kustomerSettings.backoffMaxMs,
    kustomerSettings.backoffBaseMs * 2 ** (retryNumber - 1),
  );
  return Math.round(capped / 2 + Math.random() * (capped / 2));
}

function kustomerRedact(text: string, apiKey: string): string {
  const withoutKey = apiKey.length >= 4 ? text.split(apiKey).join("[redacted]") : text;
  return withoutKey.replace(/Bearer\s+[^\s"',]+/gi, "Bearer [redacted]");
}

/**
 * Terminal use: `bun run scripts/x.ts --param value`. Flags are main's parameter names; a value is
 * JSON (text for text parameters), `@file.json` reads a file and `@-` standard input. The key comes
 * from KUSTOMER_API_KEY, never from the command line. Exit codes: KUSTOMER_EXIT. Output goes
 * through Bun.write and console.error: process.stdout would load Node's stream modules, which
 * cost more than the rest of `--help`.
 */
function kustomerCli(
  entry: (...args: never[]) => Promise<unknown>,
  scriptPath: string,
): Promise<unknown> {
  // Only what main's signature and --help need: the script down to its first stamped block (a
  // tenth of the file), read synchronously (Bun.file().text() starts a thread pool, several ms in
  // a cold process), and decoded in growing steps so that a long header is still read whole.
  const bytes = Bun.mmap(scriptPath);
  const decoder = new TextDecoder();
  let source = "";
  for (let size = 16_384; ; size *= 4) {
    source = decoder.decode(bytes.subarray(0, size));
    const end = source.indexOf("\n// <kustomer-");
    if (end >= 0 || size >= bytes.length) {
      source = end >= 0 ? source.slice(0, end) : source;
      break;
    }
  }
  const signature = kustomerSignature(source);
  const at = scriptPath.indexOf("scripts/");
  const script = at < 0 ? scriptPath : scriptPath.slice(at);
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    // Help is answered here, before the runner below is first called: compiling that long async
    // function costs a cold process more than building the whole help text. console.log is
    // Bun's native writer, faster to start than Bun.write (and than Node's process.stdout).
    // biome-ignore lint/suspicious/noConsole: the terminal's help goes to stdout
    console.log(kustomerHelp(source, signature, script));
    return Promise.resolve();
  }
  return kustomerCliRun(entry, signature, script, argv);
}

/** The terminal run: flags to main's arguments, the environment to the connection, the result. */
async function kustomerCliRun(
  entry: (...args: never[]) => Promise<unknown>,
  signature: KustomerParameter[],
  script: string,
  argv: string[],
): Promise<void> {
  const usage = (message: string): never => {
    console.error(`${message}\nRun "bun run ${script} --help" for the parameters.`);
    process.exit(KUSTOMER_EXIT.usage);
  };
  const values: { [name: string]: unknown } = {};
  let stdinUsed = false;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? "";
    const match = /^--([A-Za-z_][\w]*)(?:=(.*))?$/s.exec(flag);
    if (!match) {
      usage(`Unexpected argument "${flag}": pass values as --name value`);
      return;
    }
    const name = match[1] ?? "";
    const parameter = signature.find((item) => item.name === name);
    if (!parameter || name === "auth") {
      const guess = name === "auth" ? undefined : kustomerNearest(name, signature);
      // No near miss: a short list of what the script takes says more than "see --help".
      const flags = signature.slice(1).map((item) => `--${item.name}`);
      const hint = guess
        ? ` (did you mean --${guess}?)`
        : flags.length === 0
          ? " (this script takes no parameters)"
          : flags.length <= 6
            ? ` (this script takes ${flags.join(", ")})`
            : "";
      usage(
        name === "auth"
          ? "Unknown parameter --auth: the connection comes from KUSTOMER_API_KEY and KUSTOMER_BASE_URL, KUSTOMER_ORG_NAME or KUSTOMER_REGION"
          : `Unknown parameter --${name}${hint}`,
      );
      return;
    }
    if (name in values) {
      usage(`--${name} is given twice: pass it once`);
    }
    const raw = match[2] ?? argv[++index];
    if (raw === undefined) {
      usage(`--${name} needs a value`);
      return;
    }
    let text = raw;
    let from = "";
    if (raw === "@-") {
      if (stdinUsed) {
        usage(`--${name} @-: standard input is already read by another flag`);
      }
      stdinUsed = true;
      text = await Bun.stdin.text();
      from = " (from standard input)";
    } else if (raw.startsWith("@")) {
      const file = Bun.file(raw.slice(1));
      if (!(await file.exists())) {
        usage(`--${name}: file not found: ${raw.slice(1)}`);
      }
      text = await file.text();
      from = ` (from the file ${raw.slice(1)})`;
    }
    values[name] = kustomerCliValue(text, parameter, from, usage);
  }
  for (const parameter of signature.slice(1)) {
    if (!parameter.optional && values[parameter.name] === undefined) {
      usage(
        `Missing --${parameter.name}${parameter.doc ? `: ${parameter.doc.split(". ")[0]}` : ""}`,
      );
    }
  }
  const env = process.env;
  const setting = (name: string) => (env[name] ?? "").trim();
  const apiKey = setting("KUSTOMER_API_KEY");
  if (apiKey === "") {
    usage("Set KUSTOMER_API_KEY in the environment (the key is never taken from the command line)");
  }
  const timeout = setting("KUSTOMER_TIMEOUT_MS");
  if (timeout !== "") {
    const ms = /^\d+$/.test(timeout) ? Number(timeout) : Number.NaN;
    if (!(ms >= 1 && ms <= 3_600_000)) {
      usage(
        `KUSTOMER_TIMEOUT_MS must be a whole number of milliseconds from 1 to 3600000 (got "${timeout}")`,
      );
    }
    kustomerSettings.attemptTimeoutMs = ms;
  }
  // Messages name what the user set: the environment variables, not the resource's fields.
  Object.assign(kustomerAuthNames, {
    apiKey: "KUSTOMER_API_KEY",
    region: "KUSTOMER_REGION",
    orgName: "KUSTOMER_ORG_NAME",
    baseUrl: "KUSTOMER_BASE_URL",
  });
  kustomerSettings.log = (line) => console.error(line);
  kustomerSettings.progressEveryMs = 5_000;
  const auth: Kustomer = { apiKey };
  if (setting("KUSTOMER_BASE_URL") !== "") {
    auth.baseUrl = setting("KUSTOMER_BASE_URL");
  }
  if (setting("KUSTOMER_ORG_NAME") !== "") {
    auth.orgName = setting("KUSTOMER_ORG_NAME");
  }
  if (setting("KUSTOMER_REGION") !== "") {
    auth.region = setting("KUSTOMER_REGION") as Kustomer["region"];
  }
  const args = signature.map((parameter) =>
    parameter.name === "auth" ? auth : values[parameter.name],
  );
  let result: unknown;
  try {
    result = await entry(...(args as never[]));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(kustomerRedact(message, apiKey));
    process.exit(
      error instanceof KustomerError && error.code === "invalid_input"
        ? KUSTOMER_EXIT.usage
        : KUSTOMER_EXIT.error,
    );
  }
  await Bun.write(Bun.stdout, `${JSON.stringify(result, null, 2)}\n`);
  const outcome = kustomerCliOutcome(result);
  if (outcome) {
    console.error(outcome.line);
    if (outcome.partial) {
      process.exit(KUSTOMER_EXIT.partial);
    }
  }
}

/** The terminal's exit codes (documented in the README and in every --help). */
const KUSTOMER_EXIT = { error: 1, usage: 2, partial: 3 };

/**
 * The summary line of an upsert, an import, an export, a list-all or a wait for a bulk operation,
 * and whether anything failed or was invalid (exit 3: the JSON on stdout lists which). Each kind
 * is told apart by the counts its summary has; other results print no line.
 */
function kustomerCliOutcome(result: unknown): { line: string; partial: boolean } | undefined {
  const value = (result ?? {}) as { [field: string]: unknown };
  const summary = value.summary as { [field: string]: number } | undefined;
  if (summary && typeof summary.records === "number" && typeof summary.updated === "number") {
    const s = summary;
    // A run that fell back from search to one read per record says so: it explains the time.
    const direct =
      (summary.lookup as unknown) === "by-externalId"
        ? `, ${s.lookups} reads by externalId (search could not be used)`
        : "";
    return {
      line: `upsert: ${s.records} records: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed, ${s.invalid} invalid; ${s.searches} searches${direct}, ${s.bulkOperations} bulk operations, ${s.requests} requests (${s.throttled} throttled), ${s.seconds} s`,
      partial: (s.failed ?? 0) + (s.invalid ?? 0) > 0,
    };
  }
  if (summary && typeof summary.records === "number" && typeof summary.existing === "number") {
    const s = summary;
    return {
      line: `import: ${s.records} records: ${s.created} created, ${s.existing} existing, ${s.failed} failed, ${s.invalid} invalid; ${s.bulkOperations} bulk operations, ${s.requests} requests (${s.throttled} throttled), ${s.seconds} s`,
      partial: (s.failed ?? 0) + (s.invalid ?? 0) > 0,
    };
  }
  if (summary && typeof summary.records === "number" && typeof value.done === "boolean") {
    const s = summary;
    const deleted = typeof s.deleted === "number" ? `, ${s.deleted} deleted` : "";
    const rest = value.done
      ? "done"
      : `stopped by ${s.stoppedBy}; more to come: pass \`cursor\` to go on`;
    return {
      line: `export: ${s.records} records${deleted}; ${s.searches} searches, ${s.seconds} s; ${rest}`,
      partial: false,
    };
  }
  if (summary && typeof summary.records === "number" && typeof value.complete === "boolean") {
    const s = summary;
    const rest = value.complete
      ? "complete"
      : `stopped by ${s.stoppedBy}: pass \`next\` as --from to go on`;
    return {
      line: `list: ${s.records} records in ${s.pages} pages, ${s.seconds} s; ${rest}`,
      partial: false,
    };
  }
  if (typeof value.succeeded === "number" && typeof value.failed === "number") {
    return {
      line: `bulk operation ${value.id}: ${value.status}, ${value.succeeded} succeeded, ${value.failed} failed; ${value.requests} requests, ${value.seconds} s`,
      partial: value.failed > 0,
    };
  }
  return undefined;
}

/** The parameter a mistyped flag most likely meant (case, a typo or two, a prefix). */
function kustomerNearest(name: string, signature: KustomerParameter[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const parameter of signature.slice(1)) {
    const candidate = parameter.name.toLowerCase();
    let distance = kustomerDistance(wanted, candidate);
    if (candidate.startsWith(wanted) || wanted.startsWith(candidate)) {
      distance = Math.min(distance, 1);
    }
    if (
      distance <= Math.max(1, Math.floor(candidate.length / 3)) &&
      (!best || distance < best.distance)
    ) {
      best = { name: parameter.name, distance };
    }
  }
  return best?.name;
}

/** Levenshtein distance. */
function kustomerDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A flag's text as main's parameter takes it: JSON, or the text itself for text parameters. */
function kustomerCliValue(
  text: string,
  parameter: KustomerParameter,
  from: string,
  usage: (message: string) => never,
): unknown {
  const kind = kustomerKind(parameter);
  // A text parameter keeps its text as is, so an id like 0123 is not read as a number.
  if (kind === "text" || kind === "choice") {
    return text;
  }
  try {
    return JSON.parse(text);
  } catch {
    if (kind === "number" || kind === "boolean") {
      return usage(
        `--${parameter.name} takes ${kind === "number" ? "a number" : "true or false"}${from} (got ${JSON.stringify(text.slice(0, 60))})`,
      );
    }
    const where = kustomerJsonError(text);
    const csv = /\.csv\)$/i.test(from) ? "; convert the CSV to a JSON list of objects first" : "";
    return usage(`--${parameter.name} is not valid JSON${from}: ${where}${csv}`);
  }
}

/** Where and why a text is not JSON: "line 1, column 15: a comma before }" and the line itself. */
function kustomerJsonError(text: string): string {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(what);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at] ?? "")) {
      at++;
    }
  };
  const string = () => {
    at++;
    while (at < text.length) {
      const char = text[at] ?? "";
      if (char === "\\") {
        at += 2;
      } else if (char === '"') {
        at++;
        return;
      } else if (char < " ") {
        fail("a line break or control character inside a string (write it as \\n)");
      } else {
        at++;
      }
    }
    fail("a string that is never closed");
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === "{" || char === "[") {
      const close = char === "{" ? "}" : "]";
      at++;
      space();
      if (text[at] === close) {
        at++;
        return;
      }
      for (;;) {
        space();
        if (char === "{") {
          if (text[at] === "}") {
            fail("a comma before } (JSON allows no trailing comma)");
          }
          if (text[at] !== '"') {
            fail(
              `a field name in double quotes expected, found ${JSON.stringify(text[at] ?? "the end")}`,
            );
          }
          string();
          space();
          if (text[at] !== ":") {
            fail(
              `":" expected after the field name, found ${JSON.stringify(text[at] ?? "the end")}`,
            );
          }
          at++;
        } else if (text[at] === "]") {
          fail("a comma before ] (JSON allows no trailing comma)");
        }
        value();
        space();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === close) {
          at++;
          return;
        }
        fail(
          at >= text.length
            ? `the text ends before the closing ${close}`
            : `"," or "${close}" expected, found ${JSON.stringify(text[at])}`,
        );
      }
    }
    if (char === '"') {
      string();
      return;
    }
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at));
    if (literal) {
      at += literal[0].length;
      return;
    }
    fail(
      char === undefined
        ? "the text ends where a value should be"
        : `a value expected, found ${JSON.stringify(char)}${char === "'" ? " (JSON strings take double quotes)" : ""}`,
    );
  };
  try {
    value();
    space();
    if (at < text.length) {
      fail(`more text after the JSON value: ${JSON.stringify(text[at])}`);
    }
    return "it could not be read";
  } catch (error) {
    const before = text.slice(0, at).split("\n");
    const line = before.length;
    const column = (before[before.length - 1] ?? "").length + 1;
    const shown = (text.split("\n")[line - 1] ?? "").slice(Math.max(0, column - 40), column + 20);
    return `line ${line}, column ${column}: ${(error as Error).message} (near ${JSON.stringify(shown)})`;
  }
}

/** A parameter of main, as written in the script: what --help and the flags need. */
type KustomerParameter = {
  name: string;
  optional: boolean;
  /** The type on one line ("unknown" when only a default gives it). */
  type: string;
  /** The type as written, comments left out. */
  written: string;
  /** The default's source text, when main gives one. */
  default?: string;
  /** The doc comment just before the parameter, on one line. */
  doc?: string;
};

/**
 * Reads main's parameters from the script's own source, as Windmill's parser does (names, order,
 * optional or defaulted, types, doc comments); tests/windmill.test.ts checks the two agree on
 * every script. It is read here rather than with Windmill's parser, whose WebAssembly would make
 * `--help` several times slower.
 */
function kustomerSignature(source: string): KustomerParameter[] {
  const from = source.indexOf("(", source.indexOf("export async function main"));
  const parts: { code: string; doc?: string }[] = [];
  let current = { code: "", doc: undefined as string | undefined };
  let depth = 0;
  // A regular expression finds the next comment, string or bracket: `--help` runs once, in a
  // cold process, where a loop over every character would cost more than all the rest.
  const token =
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|=>|[(){}[\]<>,]/g;
  token.lastIndex = from + 1;
  let last = from + 1;
  for (let found = token.exec(source); found !== null; found = token.exec(source)) {
    const text = found[0];
    const at = found.index;
    if (text.startsWith("/*") || text.startsWith("//")) {
      // Comments are not code: a comma or bracket in them must not split or end a parameter.
      current.code += source.slice(last, at);
      last = at + text.length;
      if (depth === 0 && text.startsWith("/**")) {
        current.doc = kustomerDocText(text);
      }
      continue;
    }
    if ("({[<".includes(text)) {
      depth++;
    } else if (")}]>".includes(text)) {
      depth--;
    }
    if (depth < 0) {
      current.code += source.slice(last, at);
      break;
    }
    if (text === "," && depth === 0) {
      parts.push({ ...current, code: current.code + source.slice(last, at) });
      current = { code: "", doc: undefined };
      last = at + 1;
    }
  }
  parts.push(current);
  const parameters: KustomerParameter[] = [];
  for (const part of parts) {
    const code = part.code.trim();
    if (code === "") {
      continue;
    }
    // name?: type = default, read in linear time (a type can run to thousands of characters).
    const head = /^(\w+)(\?)?\s*/.exec(code);
    const rest = code.slice(head?.[0].length ?? 0);
    const assigned = /(?:^|\s)=\s*([^=>][^=]*)$/.exec(rest);
    const typed = assigned ? rest.slice(0, assigned.index) : rest;
    const typeText = typed.startsWith(":") ? typed.slice(1).trim() : "";
    const type = typeText === "" ? "unknown" : typeText.replace(/\s+/g, " ");
    const defaultText = assigned?.[1]?.trim();
    const last = type.slice(type.lastIndexOf("|") + 1).trim();
    const optional =
      head?.[2] === "?" ||
      defaultText !== undefined ||
      (type.includes("|") && (last === "undefined" || last === "null"));
    const written = typeText === "" ? "unknown" : typeText.replace(/\n\s*\n/g, "\n");
    const parameter: KustomerParameter = { name: head?.[1] ?? code, optional, type, written };
    if (defaultText !== undefined) {
      parameter.default = defaultText;
    }
    if (part.doc) {
      parameter.doc = part.doc;
    }
    parameters.push(parameter);
  }
  return parameters;
}

/** A doc comment on one line: its text without the comment marks and leading stars. */
function kustomerDocText(comment: string): string {
  const lines = comment.slice(3, -2).split("\n");
  const words: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? "";
    if (index > 0) {
      line = line.trimStart();
      line = line.startsWith("*") ? line.slice(1) : line;
    }
    for (const word of line.split(" ")) {
      if (word.trim() !== "") {
        words.push(word.trim());
      }
    }
  }
  return words.join(" ");
}

/** The members of a union type, "undefined" and "null" left out: ["\"a\"", "\"b\""] for "a" | "b". */
function kustomerTypeMembers(type: string): string[] {
  const members: string[] = [];
  for (const member of type.split("|")) {
    const trimmed = member.trim();
    if (trimmed !== "" && trimmed !== "undefined" && trimmed !== "null") {
      members.push(trimmed);
    }
  }
  return members;
}

/** What a flag takes: text, one of a few words, a number, true/false, or JSON. */
function kustomerKind(
  parameter: KustomerParameter,
): "text" | "choice" | "number" | "boolean" | "json" {
  const type =
    parameter.type === "unknown" ? kustomerTypeOfDefault(parameter.default) : parameter.type;
  // String methods rather than regular expressions: --help runs this in a cold process, where
  // every new regular expression is compiled first.
  const members = kustomerTypeMembers(type);
  if (members.length === 1 && ["string", "number", "boolean"].includes(members[0] ?? "")) {
    return members[0] === "string" ? "text" : (members[0] as "number" | "boolean");
  }
  const quoted = (member: string) =>
    member.length >= 2 && member.startsWith('"') && member.indexOf('"', 1) === member.length - 1;
  return members.length > 0 && members.every(quoted) ? "choice" : "json";
}

function kustomerTypeOfDefault(text: string | undefined): string {
  if (text === undefined) {
    return "unknown";
  }
  const digit = text[text.startsWith("-") ? 1 : 0] ?? "";
  if (digit >= "0" && digit <= "9") {
    return "number";
  }
  if (text === "true" || text === "false") {
    return "boolean";
  }
  return "\"'`".includes(text[0] ?? "-") ? "string" : "unknown";
}

/** The first level of fields of an object type (or of a list of objects): name and required. */
function kustomerFields(type: string): { name: string; required: boolean }[] {
  const fields: { name: string; required: boolean }[] = [];
  const start = type.indexOf("{");
  if (start < 0) {
    return fields;
  }
  const token = /=>|[{}[\]()<>;,\n]/g;
  const field = /\s*(\w+)(\?)?\s*:/y;
  token.lastIndex = start;
  let depth = 0;
  for (let found = token.exec(type); found !== null; found = token.exec(type)) {
    const text = found[0];
    if ("{[(<".includes(text)) {
      depth++;
    } else if ("}])>".includes(text)) {
      depth--;
      if (depth === 0) {
        break;
      }
      continue;
    } else if (depth !== 1 || text === "=>") {
      continue;
    }
    if (depth === 1) {
      // After "{" or a separator at the first level: a field's name, if one starts here.
      field.lastIndex = found.index + 1;
      const name = field.exec(type);
      if (name?.[1]) {
        fields.push({ name: name[1], required: name[2] !== "?" });
        token.lastIndex = field.lastIndex;
      }
    }
  }
  return fields;
}

/** The range or allowed values of a query parameter, from the script's querySchema. */
function kustomerQueryRule(source: string, name: string): string {
  const from = source.indexOf("querySchema: {");
  if (from < 0) {
    return "";
  }
  const end = source.indexOf("\n  });", from);
  const block = source.slice(from, end < 0 ? undefined : end);
  const at = Math.max(block.indexOf(` ${name}: {`), block.indexOf(` "${name}": {`));
  if (at < 0) {
    return "";
  }
  const rule = block.slice(at, block.indexOf("}", at) + 1);
  const min = /minimum: (-?[\d.]+)/.exec(rule)?.[1];
  const max = /maximum: (-?[\d.]+)/.exec(rule)?.[1];
  const integer = rule.includes('"integer"') ? "whole number " : "";
  if (min !== undefined && max !== undefined) {
    return `${integer}${min} to ${max}`;
  }
  if (min !== undefined) {
    return `${integer}≥ ${min}`;
  }
  return max !== undefined ? `${integer}≤ ${max}` : "";
}

/**
 * --help, in the order of a manual page: what it does, how to call it, each flag, the rest.
 * Written with string methods and loops rather than regular expressions and array callbacks:
 * it runs once in a cold process, where each new expression or callback is compiled first and
 * that compiling, not the work, is most of the time --help takes.
 */
function kustomerHelp(source: string, signature: KustomerParameter[], script: string): string {
  // The header comment: title, description, routes, roles and reference.
  const open = source.indexOf("/**");
  const close = source.indexOf("*/", open);
  const header = open < 0 || close < 0 ? "" : source.slice(source.indexOf("\n", open) + 1, close);
  const lines: string[] = [];
  for (const raw of header.split("\n")) {
    const line = raw.trimStart();
    lines.push((line.startsWith("*") ? line.slice(line.startsWith("* ") ? 2 : 1) : raw).trimEnd());
  }
  const title = lines[0]?.trim() || "Kustomer script";
  const routes: string[] = [];
  let roles: string | undefined;
  let reference: string | undefined;
  for (const line of lines) {
    const method = line.slice(0, line.indexOf(" /"));
    if (["GET", "POST", "PUT", "PATCH", "DELETE"].includes(method)) {
      routes.push(line);
    }
    roles ??= line.startsWith("Roles") ? line : undefined;
    reference ??= line.startsWith("Reference") ? line : undefined;
  }
  const blank = lines.indexOf("", 1);
  let descriptionEnd = blank + 1;
  while (descriptionEnd < lines.length && lines[descriptionEnd] !== "") {
    descriptionEnd++;
  }
  const description = lines.slice(blank + 1, descriptionEnd).join(" ");
  const wrap = (text: string, indent: string, width = 96): string[] => {
    const out: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (word === "") {
        continue;
      }
      if (line !== "" && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    if (line !== "") {
      out.push(indent + line);
    }
    return out;
  };
  const parameters = signature.slice(1);
  let usage = `Usage: bun run ${script}`;
  let optional = false;
  // An update's body says what blank fields do: in its own doc comment, else in a line of ours.
  let bodyUndocumented = false;
  const flagLines: string[] = [];
  for (const parameter of parameters) {
    bodyUndocumented ||= parameter.name === "body" && !parameter.doc;
    if (parameter.optional) {
      optional = true;
    } else {
      usage += ` --${parameter.name} …`;
    }
    const kind = kustomerKind(parameter);
    let value = { text: "TEXT", number: "NUMBER", boolean: "true|false", json: "JSON" }[
      kind as "text"
    ];
    if (kind === "choice") {
      value = kustomerTypeMembers(parameter.type)
        .map((member) => member.slice(1, -1))
        .join("|");
    }
    const facts: string[] = [];
    if (!parameter.optional) {
      facts.push("required");
    }
    const range = kustomerQueryRule(source, parameter.name);
    if (range) {
      facts.push(range);
    }
    const fallback = parameter.default;
    if (fallback !== undefined) {
      const quoted = fallback.length >= 2 && fallback.startsWith('"') && fallback.endsWith('"');
      facts.push(`default ${quoted ? fallback.slice(1, -1) : fallback}`);
    }
    flagLines.push(
      `  --${parameter.name} ${value}${facts.length > 0 ? `  (${facts.join("; ")})` : ""}`,
    );
    const fields = kind === "json" ? kustomerFields(parameter.written) : [];
    let shape = "";
    if (fields.length > 0) {
      let type = parameter.type.trimEnd();
      if (type.endsWith("undefined") && type.slice(0, -9).trimEnd().endsWith("|")) {
        type = type.slice(0, -9).trimEnd().slice(0, -1).trimEnd();
      }
      const list = type.endsWith("]");
      const names: string[] = [];
      for (const field of fields.slice(0, 14)) {
        names.push(field.name + (field.required ? "" : "?"));
      }
      shape = `${list ? "A list of objects" : "An object"} with ${fields.length} field(s): ${names.join(", ")}${fields.length > 14 ? ", …" : ""} (types: main() in ${script})`;
    } else if (kind === "json" && parameter.type !== "unknown") {
      const type = parameter.type;
      shape = `Type: ${type.length > 70 ? `${type.slice(0, 67)}…` : type}`;
    }
    const doc = parameter.doc && !parameter.doc.endsWith(".") ? `${parameter.doc}.` : parameter.doc;
    const text = doc && shape ? `${doc} ${shape}` : doc || shape;
    flagLines.push(...wrap(text, "      "));
  }
  if (optional) {
    usage += " [--name value …]";
  }
  const name = script.slice(script.lastIndexOf("/") + 1);
  const updates = routes.some((route) => route.startsWith("PUT ") || route.startsWith("PATCH "));
  return [
    `${name.endsWith(".ts") ? name.slice(0, -3) : name}: ${title}`,
    ...routes.map((route) => `  ${route}`),
    "",
    ...wrap(description, ""),
    "",
    usage,
    "",
    "Parameters (values are JSON, or plain text for TEXT; @file reads a file, @- standard input):",
    ...(flagLines.length > 0 ? flagLines : ["  (none)"]),
    ...(updates && bodyUndocumented
      ? ["  Fields left out are not changed; null clears a value, and null on a list empties it."]
      : []),
    "",
    ...(roles ? wrap(roles, "") : []),
    ...(reference ? [reference] : []),
    "Environment: KUSTOMER_API_KEY (required; never on the command line); the host from",
    "  KUSTOMER_BASE_URL, KUSTOMER_ORG_NAME or KUSTOMER_REGION (us, eu, india), else US;",
    "  KUSTOMER_TIMEOUT_MS per attempt (default 30000).",
    "Exit status: 0 done; 1 Kustomer or network error; 2 usage error or invalid input (nothing",
    "  sent); 3 some records failed or were invalid (the JSON output lists them).",
  ].join("\n");
}

// </kustomer-shared>

if (import.meta.main) {
  void kustomerCli(main, import.meta.path);
}
