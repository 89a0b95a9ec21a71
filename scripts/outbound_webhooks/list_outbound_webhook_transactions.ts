//native
/**
 * List Outbound Webhook Transactions
 *
 * Lists recent delivery attempts of the org's outbound webhooks: the webhook id, event name,
 * status, when it was sent and when the next retry is due. Look here when events stop arriving:
 * Kustomer retries a failing delivery for about an hour and then disables a webhook that keeps
 * failing.
 *
 * GET /v1/outbound-webhooks/transactions
 * Roles (any one): org.permission.outbound_webhook.read, org.outbound_webhooks (legacy), org.admin.outbound_webhooks (legacy)
 * Reference: https://developer.kustomer.com/docs/events/outbound-webhooks
 * Contract: response shape only; response shape: meltanolabs-tap-kustomer/apps_platform__outbound_webhooks_transactions
 */
export async function main(auth: Kustomer) {
  return await kustomerRequest(auth, {
    operation: "ListOutboundWebhookTransactions",
    method: "GET",
    path: "/v1/outbound-webhooks/transactions",
  });
}

// <kustomer-shared v1> Do not edit in a script: the source is resources/kustomer.ts.

/**
 * A Kustomer connection (the Windmill resource type `kustomer`). Only `apiKey` is required, so a
 * resource made from the Windmill Hub's `kustomer` type ({ apiKey }) keeps working on the US host.
 * The API host is chosen in this order: `baseUrl`, then `orgName`, then `region`, then US.
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
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
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
  const baseUrl = kustomerBaseUrl(auth, inputError);
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
    // A bulk body stays a list even when empty, so the check below can say what is wrong.
    const body = Array.isArray(request.body)
      ? request.body.map(kustomerDropUnset).filter((item) => item !== undefined)
      : kustomerDropUnset(request.body);
    if (body === undefined) {
      // Say which fields are required, when the schema names some, rather than "nothing set".
      const missing = request.bodySchema ? kustomerValidate(request.bodySchema, {}) : [];
      throw missing.length > 0 && (request.bodySchema?.required?.length ?? 0) > 0
        ? inputError(kustomerDescribeProblems(missing), missing)
        : inputError("body has no fields set: fill in at least one field (use null to clear one)");
    }
    if (request.bodySchema) {
      const problems = kustomerValidate(request.bodySchema, body);
      if (problems.length > 0) {
        throw inputError(kustomerDescribeProblems(problems), problems);
      }
    }
    payload = JSON.stringify(body);
  }
  const headers: { [name: string]: string } = {
    Authorization: `Bearer ${apiKey}`,
    Accept: "application/json",
    "User-Agent": `${KUSTOMER_USER_AGENT} (${request.operation})`,
  };
  if (payload !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  return kustomerSend({
    method,
    url: baseUrl + pathWithQuery,
    pathWithQuery,
    headers,
    payload,
    apiKey,
    observer: request.observer,
  });
}

function kustomerApiKey(auth: Kustomer, inputError: (message: string) => KustomerError): string {
  if (auth === null || typeof auth !== "object") {
    throw inputError(
      "auth is missing: pass a kustomer resource ({ apiKey, region?, orgName?, baseUrl? })",
    );
  }
  const apiKey = typeof auth.apiKey === "string" ? auth.apiKey.trim() : "";
  if (apiKey === "") {
    throw inputError("auth.apiKey is empty: set the API key from Settings › Security › API Keys");
  }
  if (/^bearer\s/i.test(apiKey) || /\s/.test(apiKey)) {
    throw inputError("auth.apiKey must be the key alone, without 'Bearer ' or spaces");
  }
  return apiKey;
}

/** Picks the API host; see https://developer.kustomer.com/docs/get-started/regions-and-base-urls */
function kustomerBaseUrl(auth: Kustomer, inputError: (message: string) => KustomerError): string {
  const baseUrl = kustomerText(auth.baseUrl);
  if (baseUrl !== "") {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw inputError(
        `auth.baseUrl "${baseUrl}" is not a URL: use e.g. https://acme.api.kustomerapp.com`,
      );
    }
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    // The key travels in a header: plain http is only acceptable to this machine (a sandbox).
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      throw inputError(
        "auth.baseUrl must use https:// (plain http:// only for 127.0.0.1 or localhost)",
      );
    }
    return url.origin + url.pathname.replace(/\/+$/, "").replace(/\/v1$/, "");
  }
  const orgName = kustomerText(auth.orgName);
  if (orgName !== "") {
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(orgName)) {
      throw inputError(
        `auth.orgName "${orgName}" is not an org name: use "acme" for acme.kustomerapp.com`,
      );
    }
    return `https://${orgName.toLowerCase()}.api.kustomerapp.com`;
  }
  const region = kustomerText(auth.region) || "us";
  if (!(region in KUSTOMER_HOSTS)) {
    throw inputError(`auth.region "${region}" is not one of us, eu, india`);
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
 * a value. Returns undefined when nothing is left.
 */
function kustomerDropUnset(value: unknown): unknown {
  if (value === undefined || value === "") {
    return undefined;
  }
  if (Array.isArray(value)) {
    const items = value.map(kustomerDropUnset).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === "object") {
    const kept: { [field: string]: unknown } = {};
    for (const [field, fieldValue] of Object.entries(value)) {
      const cleaned = kustomerDropUnset(fieldValue);
      if (cleaned !== undefined) {
        kept[field] = cleaned;
      }
    }
    return Object.keys(kept).length === 0 ? undefined : kept;
  }
  return value;
}

/** Custom attribute names end in a suffix that sets their type (developer.kustomer.com/docs/concepts/custom-attributes). */
const KUSTOMER_CUSTOM_SUFFIX = /^[a-zA-Z][a-zA-Z0-9]*?(Str|Txt|Num|At|Bool|Url|Id)$/;

/** Checks a value against a schema; returns every problem found (at most 20). */
function kustomerValidate(
  schema: KustomerSchema,
  value: unknown,
  path: (string | number)[] = [],
  problems: KustomerProblem[] = [],
): KustomerProblem[] {
  if (problems.length >= 20) {
    return problems;
  }
  const problem = (keyword: string, message: string) => {
    problems.push({ path, message, keyword });
    return problems;
  };
  if (value === null) {
    return schema.nullable || schema.type === undefined
      ? problems
      : problem("type", `must be ${kustomerTypeName(schema)}`);
  }
  if (schema.anyOf) {
    const attempts = schema.anyOf.map((option) => kustomerValidate(option, value, path));
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
      return problem(
        "anyOf",
        `does not match any of the ${attempts.length} shapes Kustomer accepts here${hint}`,
      );
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return problem(
      "enum",
      `must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(", ")} (got ${JSON.stringify(value)})`,
    );
  }
  const actual = Array.isArray(value) ? "array" : typeof value;
  const expected = schema.type;
  const typeOk =
    expected === undefined ||
    expected === actual ||
    (expected === "number" && actual === "number" && Number.isFinite(value)) ||
    (expected === "integer" && Number.isInteger(value));
  if (!typeOk) {
    return problem("type", `must be ${kustomerTypeName(schema)} (got ${actual})`);
  }
  if (typeof value === "string") {
    kustomerCheckString(schema, value, problem);
  } else if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) {
      problem("minimum", `must be at least ${schema.minimum}`);
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      problem("maximum", `must be at most ${schema.maximum}`);
    }
  } else if (Array.isArray(value)) {
    kustomerCheckArray(schema, value, path, problems, problem);
  } else if (typeof value === "object") {
    kustomerCheckObject(schema, value as { [field: string]: unknown }, path, problems, problem);
  }
  return problems;
}

function kustomerCheckString(
  schema: KustomerSchema,
  value: string,
  problem: (keyword: string, message: string) => unknown,
): void {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    problem("minLength", `must be at least ${schema.minLength} characters`);
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    problem("maxLength", `is ${value.length} characters long; at most ${schema.maxLength} allowed`);
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    problem("pattern", `does not match the pattern Kustomer requires: ${schema.pattern}`);
  }
}

function kustomerCheckArray(
  schema: KustomerSchema,
  value: unknown[],
  path: (string | number)[],
  problems: KustomerProblem[],
  problem: (keyword: string, message: string) => unknown,
): void {
  const isBulkBody = path.length === 0 && schema.maxItems === KUSTOMER_BULK_LIMIT;
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    problem("minItems", `has ${value.length} items; pass at least ${schema.minItems}`);
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    problem(
      "maxItems",
      isBulkBody
        ? `has ${value.length} items; Kustomer takes at most ${KUSTOMER_BULK_LIMIT} per bulk request: split the list into chunks of ${KUSTOMER_BULK_LIMIT} and send one request per chunk`
        : `has ${value.length} items; at most ${schema.maxItems} allowed`,
    );
  }
  if (schema.items) {
    for (const [index, item] of value.entries()) {
      kustomerValidate(schema.items, item, [...path, index], problems);
    }
  }
}

function kustomerCheckObject(
  schema: KustomerSchema,
  value: { [field: string]: unknown },
  path: (string | number)[],
  problems: KustomerProblem[],
  problem: (keyword: string, message: string) => unknown,
): void {
  const fields = Object.keys(value);
  if (schema.maxProperties !== undefined && fields.length > schema.maxProperties) {
    problem(
      "maxProperties",
      `has ${fields.length} fields; at most ${schema.maxProperties} allowed`,
    );
  }
  for (const field of schema.required ?? []) {
    if (value[field] === undefined) {
      problems.push({ path: [...path, field], message: "is required", keyword: "required" });
    }
  }
  for (const field of fields) {
    const fieldSchema = schema.properties?.[field];
    if (fieldSchema) {
      kustomerValidate(fieldSchema, value[field], [...path, field], problems);
    } else if (schema.customAttributes) {
      kustomerCheckCustomAttribute(field, value[field], [...path, field], problems);
    } else if (schema.additionalProperties === false) {
      const known = Object.keys(schema.properties ?? {});
      const guess = known.find((name) => name.toLowerCase() === field.toLowerCase());
      problems.push({
        path: [...path, field],
        message: `is not a field Kustomer accepts here${guess ? ` (did you mean "${guess}"?)` : ""}`,
        keyword: "additionalProperties",
      });
    }
  }
}

function kustomerCheckCustomAttribute(
  name: string,
  value: unknown,
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  const suffix = KUSTOMER_CUSTOM_SUFFIX.exec(name)?.[1];
  if (suffix === undefined) {
    problems.push({
      path,
      message:
        "must end in a type suffix: Str, Txt, Num, At, Bool, Url or Id (e.g. tierStr, ordersNum)",
      keyword: "customAttributeName",
    });
    return;
  }
  if (value === null) {
    return;
  }
  const expected: { [suffix: string]: [string, (v: unknown) => boolean] } = {
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
  const [description, accepts] = expected[suffix] ?? ["a value", () => true];
  if (!accepts(value)) {
    problems.push({
      path,
      message: `must be ${description} or null (its name ends in ${suffix})`,
      keyword: "customAttributeType",
    });
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
    if ("failure" in outcome) {
      const { code, detail } = outcome.failure;
      const retryable = canRepeat && serverErrorRetries < kustomerSettings.maxServerErrorRetries;
      const waitMs = kustomerBackoff(serverErrorRetries + 1);
      if (
        retryable &&
        attemptNumber < kustomerSettings.maxAttempts &&
        waitedMs + waitMs <= kustomerSettings.maxTotalWaitMs
      ) {
        serverErrorRetries++;
        waitedMs += waitMs;
        await kustomerSettings.sleep(waitMs);
        continue;
      }
      const advice = canRepeat
        ? `gave up after ${attemptNumber} attempt(s)`
        : "not retried automatically, because the request may have been processed: check in Kustomer (for example look the record up by externalId) before sending it again";
      throw fail({ message: `${detail}; ${advice}`, status: 0, code, cause: new Error(detail) });
    }
    const { response, text } = outcome;
    if (response.ok) {
      return kustomerParseBody(response, text);
    }
    const errors = kustomerErrorList(text, apiKey);
    const summary =
      `${response.status} ${kustomerStatusText(response)}`.trim() + kustomerErrorText(errors, text);
    const code = kustomerErrorCode(errors) ?? `http_${response.status}`;
    // The rate-limit reset only says when a throttled request may go again; a 5xx waits only
    // when the server sends Retry-After.
    const retryAfterMs = kustomerRetryAfterMs(response.headers, response.status === 429);
    if (response.status === 429) {
      // A throttled request was not processed, so repeating it is safe for every method.
      const waitMs = retryAfterMs ?? kustomerBackoff(attemptNumber);
      if (
        attemptNumber < kustomerSettings.maxAttempts &&
        waitedMs + waitMs <= kustomerSettings.maxTotalWaitMs
      ) {
        waitedMs += waitMs;
        await kustomerSettings.sleep(waitMs);
        continue;
      }
      const advice = `rate limited by Kustomer (the org-wide budget is shared by every key); gave up after ${attemptNumber} attempt(s) and ${Math.round(waitedMs / 1000)} s of waiting: retry later or send fewer requests (bulk endpoints take 100 records per request)`;
      throw fail({ message: `${summary}; ${advice}`, status: 429, code, errors, retryAfterMs });
    }
    if (
      response.status >= 500 &&
      canRepeat &&
      serverErrorRetries < kustomerSettings.maxServerErrorRetries
    ) {
      const waitMs = retryAfterMs ?? kustomerBackoff(serverErrorRetries + 1);
      if (
        attemptNumber < kustomerSettings.maxAttempts &&
        waitedMs + waitMs <= kustomerSettings.maxTotalWaitMs
      ) {
        serverErrorRetries++;
        waitedMs += waitMs;
        await kustomerSettings.sleep(waitMs);
        continue;
      }
    }
    const note =
      response.status >= 500 && !canRepeat
        ? "; not retried automatically, because the request may have been processed"
        : "";
    throw fail({ message: summary + note, status: response.status, code, errors, retryAfterMs });
  }
}

type KustomerOutcome =
  | { response: Response; text: string }
  | { failure: { code: "network_error" | "timeout"; detail: string } };

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
      redirect: "error",
    });
    const text = await response.text();
    return { response, text };
  } catch (error) {
    if (controller.signal.aborted) {
      return {
        failure: {
          code: "timeout",
          detail: `no answer within ${kustomerSettings.attemptTimeoutMs} ms`,
        },
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      failure: {
        code: "network_error",
        detail: `network error: ${kustomerRedact(reason, attempt.apiKey)}`,
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Returns the body as Kustomer sent it: parsed JSON, text, or null when empty (204). */
function kustomerParseBody(response: Response, text: string): unknown {
  if (response.status === 204 || text.trim() === "") {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** HTTP/2 responses carry no reason phrase; these are the statuses Kustomer documents. */
function kustomerStatusText(response: Response): string {
  const known: { [status: number]: string } = {
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
 * JSON when it parses (a string for string parameters), `@file.json` reads a file. The key comes
 * from KUSTOMER_API_KEY, never from the command line. Exit 1 on an API error, 2 on a usage error.
 */
async function kustomerCli(
  entry: (...args: never[]) => Promise<unknown>,
  scriptPath: string,
): Promise<void> {
  const source = await Bun.file(scriptPath).text();
  const signature = kustomerSignature(source);
  const usage = (message: string): never => {
    process.stderr.write(`${message}\n\n${kustomerHelp(source, signature, scriptPath)}`);
    process.exit(2);
  };
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(kustomerHelp(source, signature, scriptPath));
    return;
  }
  const values: { [name: string]: unknown } = {};
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
      usage(`Unknown parameter --${name}`);
      return;
    }
    const raw = match[2] ?? argv[++index];
    if (raw === undefined) {
      usage(`--${name} needs a value`);
      return;
    }
    values[name] = await kustomerCliValue(raw, parameter.type, usage);
  }
  for (const parameter of signature.slice(1)) {
    if (!parameter.optional && values[parameter.name] === undefined) {
      usage(`Missing --${parameter.name}`);
    }
  }
  const env = process.env;
  const apiKey = env.KUSTOMER_API_KEY ?? "";
  if (apiKey.trim() === "") {
    usage("Set KUSTOMER_API_KEY in the environment (the key is never taken from the command line)");
  }
  const auth: Kustomer = { apiKey };
  if (env.KUSTOMER_BASE_URL) {
    auth.baseUrl = env.KUSTOMER_BASE_URL;
  }
  if (env.KUSTOMER_ORG_NAME) {
    auth.orgName = env.KUSTOMER_ORG_NAME;
  }
  if (env.KUSTOMER_REGION) {
    auth.region = env.KUSTOMER_REGION as Kustomer["region"];
  }
  if (env.KUSTOMER_TIMEOUT_MS) {
    kustomerSettings.attemptTimeoutMs = Number(env.KUSTOMER_TIMEOUT_MS);
  }
  const args = signature.map((parameter) =>
    parameter.name === "auth" ? auth : values[parameter.name],
  );
  try {
    const result = await entry(...(args as never[]));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${kustomerRedact(message, apiKey)}\n`);
    process.exit(error instanceof KustomerError && error.code === "invalid_input" ? 2 : 1);
  }
}

async function kustomerCliValue(
  raw: string,
  type: string,
  usage: (message: string) => never,
): Promise<unknown> {
  let text = raw;
  if (raw.startsWith("@")) {
    const file = Bun.file(raw.slice(1));
    if (!(await file.exists())) {
      usage(`File not found: ${raw.slice(1)}`);
    }
    text = await file.text();
  }
  // A string parameter keeps its text as is, so an id like 0123 is not read as a number.
  if (/^(string|"[^"]*")(\s*\|\s*("[^"]*"|undefined|null))*$/.test(type)) {
    return text;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A parameter of main: its type on one line, and as written in the script (for --help). */
type KustomerParameter = { name: string; optional: boolean; type: string; written: string };

/** Reads main's parameters (name, optional, type text) from the script's own source. */
function kustomerSignature(source: string): KustomerParameter[] {
  // Comments go first: a comma or a bracket in a field's doc comment is not part of the signature.
  const from = source.indexOf("(", source.indexOf("export async function main"));
  const text = source.slice(from).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  let depth = 0;
  let current = "";
  const parts: string[] = [];
  for (let index = 1; index < text.length; index++) {
    const char = text[index] ?? "";
    if ("({[<".includes(char)) {
      depth++;
    }
    if (")}]>".includes(char)) {
      depth--;
    }
    if (depth < 0) {
      break;
    }
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const match = /^(\w+)(\?)?\s*(?::\s*([\s\S]*?))?\s*(?:=\s*([\s\S]*))?$/.exec(part);
      const type = (match?.[3] ?? "unknown").replace(/\s+/g, " ").trim();
      const optional =
        Boolean(match?.[2]) || match?.[4] !== undefined || /\|\s*(undefined|null)$/.test(type);
      const written = (match?.[3] ?? "unknown").trim().replace(/\n\s*\n/g, "\n");
      return { name: match?.[1] ?? part, optional, type, written };
    });
}

function kustomerHelp(source: string, signature: KustomerParameter[], scriptPath: string): string {
  const title = /\/\*\*\s*\n\s*\*\s*(.+)/.exec(source)?.[1]?.trim() ?? "Kustomer script";
  const route = /^\s*\*\s*((?:GET|POST|PUT|PATCH|DELETE) \/\S+)/m.exec(source)?.[1] ?? "";
  const lines = signature.slice(1).map((parameter) => {
    const type = parameter.written.replace(/\s*\|\s*undefined$/, "");
    return `  --${parameter.name}${parameter.optional ? " (optional)" : ""}: ${type}`;
  });
  return [
    `${title}${route ? ` (${route})` : ""}`,
    "",
    `Usage: bun run ${scriptPath.replace(/^.*?(scripts\/)/, "$1")} [--name value ...]`,
    "",
    "Parameters (values are JSON, or text for strings; @file.json reads a file):",
    ...(lines.length > 0 ? lines : ["  (none)"]),
    "",
    "Environment: KUSTOMER_API_KEY (required), KUSTOMER_BASE_URL or KUSTOMER_ORG_NAME or",
    "KUSTOMER_REGION (us, eu, india) to choose the host, KUSTOMER_TIMEOUT_MS (per attempt).",
    "",
  ].join("\n");
}

// </kustomer-shared>

if (import.meta.main) {
  void kustomerCli(main, import.meta.path);
}
