// The shared block's behaviour, tested once against its source (resources/kustomer.ts). Every
// script carries a byte-identical copy (tests/stamp.test.ts), so this holds for all of them.
import { afterEach, beforeEach, describe, expect, spyOn, test } from "bun:test";
import {
  KustomerError,
  type KustomerSchema,
  kustomerDropUnset,
  kustomerRequest,
  kustomerRetryAfterMs,
  kustomerSettings,
  kustomerSignature,
} from "../../resources/kustomer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";

const defaults = { ...kustomerSettings };
let waits: number[] = [];

beforeEach(() => {
  waits = [];
  kustomerSettings.sleep = async (ms: number) => {
    waits.push(ms);
  };
});

afterEach(() => {
  Object.assign(kustomerSettings, defaults);
});

const getCustomer = (auth: Parameters<typeof kustomerRequest>[0] = TEST_AUTH, id: unknown = "c1") =>
  kustomerRequest(auth, {
    operation: "GetCustomerById",
    method: "GET",
    path: "/v1/customers/{id}",
    pathParams: { id },
  });

const post = (body: unknown, bodySchema?: KustomerSchema, method: "POST" | "PATCH" = "POST") =>
  kustomerRequest(TEST_AUTH, {
    operation: "CreateCustomer",
    method,
    path: "/v1/customers",
    body,
    bodySchema,
  });

describe("hosts and regions", () => {
  const cases: [string, Parameters<typeof kustomerRequest>[0], string][] = [
    [
      "a Hub resource with only apiKey means the US host",
      { apiKey: "k-123456" },
      "https://api.kustomerapp.com",
    ],
    ["region eu", { apiKey: "k-123456", region: "eu" }, "https://api.prod2.kustomerapp.com"],
    ["region india", { apiKey: "k-123456", region: "india" }, "https://api.prod4.kustomerapp.com"],
    [
      "orgName wins over region",
      { apiKey: "k-123456", region: "eu", orgName: "Acme" },
      "https://acme.api.kustomerapp.com",
    ],
    [
      "baseUrl wins over everything and loses a trailing /v1",
      { apiKey: "k-123456", orgName: "acme", baseUrl: "http://127.0.0.1:4010/v1/" },
      "http://127.0.0.1:4010",
    ],
    [
      "empty optional fields are ignored",
      { apiKey: "k-123456", region: undefined, orgName: "", baseUrl: " " },
      "https://api.kustomerapp.com",
    ],
  ];
  for (const [name, auth, origin] of cases) {
    test(name, async () => {
      const calls = stubFetch(() => jsonResponse(200, { data: {} }));
      await getCustomer(auth);
      expect(calls[0]?.url.origin).toBe(origin);
      expect(calls[0]?.path).toBe("/v1/customers/c1");
    });
  }

  const bad: [string, Parameters<typeof kustomerRequest>[0], RegExp][] = [
    [
      "plain http to a remote host",
      { apiKey: "k-123456", baseUrl: "http://example.com" },
      /must use https/,
    ],
    ["a baseUrl that is not a URL", { apiKey: "k-123456", baseUrl: "acme.api" }, /is not a URL/],
    [
      "an unknown region",
      { apiKey: "k-123456", region: "mars" as "us" },
      /not one of us, eu, india/,
    ],
    [
      "an org name with a dot",
      { apiKey: "k-123456", orgName: "acme.kustomerapp.com" },
      /not an org name/,
    ],
    ["an empty key", { apiKey: " " }, /apiKey is empty/],
    ["a key with its Bearer prefix", { apiKey: "Bearer abcdef" }, /without 'Bearer '/],
  ];
  for (const [name, auth, message] of bad) {
    test(`rejects ${name} before sending`, async () => {
      const calls = stubFetch(() => jsonResponse(200, {}));
      await expect(getCustomer(auth)).rejects.toMatchObject({
        name: "KustomerError",
        code: "invalid_input",
        status: 0,
        message: expect.stringMatching(message),
      });
      expect(calls).toHaveLength(0);
    });
  }
});

describe("what is sent", () => {
  test("path values are percent-encoded", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await kustomerRequest(TEST_AUTH, {
      operation: "GetCustomerByEmail",
      method: "GET",
      path: "/v1/customers/email={email}",
      pathParams: { email: "ada+vip/x@example.com" },
    });
    expect(calls[0]?.url.pathname).toBe("/v1/customers/email=ada%2Bvip%2Fx%40example.com");
  });

  test("query values are left out when undefined, null or empty", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await kustomerRequest(TEST_AUTH, {
      operation: "GetCustomers",
      method: "GET",
      path: "/v1/customers",
      query: {
        page: 2,
        pageSize: undefined,
        sort: null,
        filter: "",
        replace: false,
        ids: ["a", "b"],
      },
    });
    expect(calls[0]?.url.search).toBe("?page=2&replace=false&ids=a%2Cb");
  });

  test("an empty list leaves the value out; a required query value must be there", async () => {
    const calls = stubFetch(() => jsonResponse(204, undefined));
    const bulkDelete = (ids: unknown) =>
      kustomerRequest(TEST_AUTH, {
        operation: "BulkDeleteCustomers",
        method: "DELETE",
        path: "/v1/customers/bulk",
        query: { ids },
        requiredQuery: ["ids"],
      });
    for (const missing of [undefined, null, "", [], ["", null]]) {
      await expect(bulkDelete(missing)).rejects.toThrow("ids is required: pass a non-empty ids");
    }
    expect(calls).toHaveLength(0);
    await bulkDelete(["a", "", "b"]);
    expect(calls[0]?.url.search).toBe("?ids=a%2Cb");
  });

  test("query values are checked against their rules before sending", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    const list = (query: { [name: string]: unknown }) =>
      kustomerRequest(TEST_AUTH, {
        operation: "GetConversations",
        method: "GET",
        path: "/v1/conversations",
        query,
        querySchema: {
          page: { type: "integer", minimum: 1 },
          sort: { type: "string", enum: ["desc"] },
        },
      });
    await expect(list({ page: 0 })).rejects.toThrow("page must be at least 1");
    await expect(list({ sort: "asc" })).rejects.toThrow('sort must be one of "desc" (got "asc")');
    await expect(list({ page: 1.5 })).rejects.toMatchObject({ code: "invalid_input" });
    expect(calls).toHaveLength(0);
    await list({ page: 2, sort: "desc" });
    await list({ page: undefined, sort: "" });
    expect(calls.map((call) => call.url.search)).toEqual(["?page=2&sort=desc", ""]);
  });

  test("GET sends auth, accept and user agent, and no content type", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await getCustomer();
    expect(calls[0]?.headers).toMatchObject({
      authorization: `Bearer ${TEST_AUTH.apiKey}`,
      accept: "application/json",
      "user-agent": "kustomer-windmill-scripts/1.0 (GetCustomerById)",
    });
    expect(calls[0]?.headers["content-type"]).toBeUndefined();
    expect(calls[0]?.rawBody).toBeUndefined();
  });

  test("a body is sent as JSON with its content type", async () => {
    const calls = stubFetch(() => jsonResponse(201, {}));
    await post({ name: "Ada" });
    expect(calls[0]?.headers["content-type"]).toBe("application/json");
    expect(calls[0]?.rawBody).toBe('{"name":"Ada"}');
  });

  test("a missing path value fails before sending", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await expect(getCustomer(TEST_AUTH, "")).rejects.toThrow("id is required: pass a non-empty id");
    await expect(getCustomer(TEST_AUTH, null)).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(calls).toHaveLength(0);
  });
});

describe("fields the form left untouched", () => {
  test('"" [] and {} are dropped at every depth; null, false and 0 stay', () => {
    expect(
      kustomerDropUnset({
        name: "",
        company: null,
        tags: [],
        custom: {},
        emails: [{ email: "a@x.io", type: "" }, { email: "" }],
        locations: [{ latitude: 0 }],
        flag: false,
      }),
    ).toEqual({
      company: null,
      emails: [{ email: "a@x.io" }],
      locations: [{ latitude: 0 }],
      flag: false,
    });
  });

  test("a body with nothing set is refused instead of sent", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await expect(post({ name: "", tags: [] }, undefined, "PATCH")).rejects.toThrow(
      /body has no fields set/,
    );
    expect(calls).toHaveLength(0);
  });

  test("a body left blank names the fields it requires", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    const members: KustomerSchema = {
      type: "object",
      required: ["members"],
      properties: { members: { type: "array", items: { type: "string" } } },
    };
    await expect(post({ members: ["", ""] }, members)).rejects.toThrow(
      "invalid input, nothing was sent:\n- body.members is required",
    );
    expect(calls).toHaveLength(0);
  });

  test("an update sends only what was set, and null to clear", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await post(
      { name: "", locale: null, custom: { tierStr: "gold", noteStr: "" } },
      undefined,
      "PATCH",
    );
    expect(calls[0]?.body).toEqual({ locale: null, custom: { tierStr: "gold" } });
  });
});

describe("responses", () => {
  test("the parsed body is returned unchanged", async () => {
    const document = {
      data: { type: "customer", id: "c1", attributes: { name: "Ada" } },
      meta: { x: 1 },
    };
    stubFetch(() => jsonResponse(200, document));
    expect(await getCustomer()).toEqual(document);
  });

  test("204 returns null", async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    expect(await getCustomer()).toBeNull();
  });

  test("an empty 200 returns null", async () => {
    stubFetch(() => new Response("", { status: 200 }));
    expect(await getCustomer()).toBeNull();
  });
});

describe("errors", () => {
  test("the { code, message } shape names method, path, status and Kustomer's text", async () => {
    stubFetch(() =>
      jsonResponse(
        404,
        { errors: [{ code: "not_found", message: "Customer not found", meta: {} }] },
        {
          "x-ratelimit-limit": "300",
          "x-ratelimit-remaining": "12",
          "x-ratelimit-reset": "1790000000",
        },
      ),
    );
    const error = await getCustomer().catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "KustomerError",
      status: 404,
      code: "not_found",
      method: "GET",
      path: "/v1/customers/c1",
      rateLimit: { limit: 300, remaining: 12, reset: 1790000000 },
      attempts: 1,
    });
    expect((error as Error).message).toBe(
      "Kustomer GET /v1/customers/c1 failed: 404 Not Found: Customer not found",
    );
  });

  test("the JSON:API shape uses detail, title and the pointer", async () => {
    stubFetch(() =>
      jsonResponse(400, {
        errors: [
          {
            status: 400,
            code: "invalid",
            title: "Invalid attribute",
            detail: "must be a string",
            source: { pointer: "/data/attributes/name" },
          },
          {
            status: 400,
            code: "invalid",
            title: "Invalid attribute",
            source: { parameter: "page" },
          },
        ],
      }),
    );
    const error = await post({ name: "Ada" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: "invalid" });
    expect((error as Error).message).toBe(
      "Kustomer POST /v1/customers failed: 400 Bad Request: must be a string (at /data/attributes/name); Invalid attribute (at page)",
    );
    expect((error as { errors: unknown[] }).errors).toHaveLength(2);
  });

  test("a body that is not JSON is quoted, shortened", async () => {
    stubFetch(
      () =>
        new Response(`<html>${"x".repeat(1000)}</html>`, {
          status: 502,
          statusText: "Bad Gateway",
        }),
    );
    kustomerSettings.maxServerErrorRetries = 0;
    const error = (await getCustomer().catch((caught: unknown) => caught)) as Error;
    expect(
      error.message.startsWith("Kustomer GET /v1/customers/c1 failed: 502 Bad Gateway: <html>xxx"),
    ).toBe(true);
    expect(error.message.length).toBeLessThan(400);
  });

  test("the API key never appears in the error, even when Kustomer echoes it", async () => {
    const key = TEST_AUTH.apiKey;
    stubFetch(() =>
      jsonResponse(401, {
        errors: [
          {
            code: "unauthorized",
            message: `Invalid token ${key}`,
            meta: { header: `Bearer ${key}` },
          },
        ],
      }),
    );
    const error = (await getCustomer().catch((caught: unknown) => caught)) as Error;
    const everything = [
      error.message,
      error.stack,
      JSON.stringify(error),
      JSON.stringify(Object.entries(error)),
      String(error.cause),
    ].join("\n");
    expect(everything).not.toContain(key);
    expect(error.message).toContain("Invalid token [redacted]");
  });

  test("a network error that mentions the key is redacted too", async () => {
    const key = TEST_AUTH.apiKey;
    spyOn(globalThis, "fetch").mockImplementation((async () => {
      throw new TypeError(`socket hang up while sending Bearer ${key}`);
    }) as unknown as typeof fetch);
    const error = (await post({ name: "Ada" }).catch((caught: unknown) => caught)) as Error;
    const everything = [
      error.message,
      error.stack,
      JSON.stringify(error),
      String(error.cause),
      (error.cause as Error).stack,
    ].join("\n");
    expect(everything).not.toContain(key);
    expect(error).toMatchObject({ status: 0, code: "network_error" });
  });
});

describe("429: wait and retry, for every method", () => {
  test("Retry-After is honoured", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(429, { errors: [{ code: "rate_limited" }] }, { "retry-after": "2" })
        : jsonResponse(201, { ok: 1 }),
    );
    expect(await post({ name: "Ada" })).toEqual({ ok: 1 });
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  test("x-ratelimit-reset as seconds to wait, as epoch seconds, and as epoch ms", () => {
    const now = Date.now();
    expect(kustomerRetryAfterMs(new Headers({ "x-ratelimit-reset": "7" }))).toBe(7000);
    const epochSeconds =
      kustomerRetryAfterMs(
        new Headers({ "x-ratelimit-reset": String(Math.ceil(now / 1000) + 10) }),
      ) ?? 0;
    expect(epochSeconds).toBeGreaterThan(9000);
    expect(epochSeconds).toBeLessThanOrEqual(11000);
    const epochMs =
      kustomerRetryAfterMs(new Headers({ "x-ratelimit-reset": String(now + 5000) })) ?? 0;
    expect(epochMs).toBeGreaterThan(4000);
    expect(epochMs).toBeLessThanOrEqual(5000);
    expect(
      kustomerRetryAfterMs(
        new Headers({ "x-ratelimit-reset": String(Math.floor(now / 1000) - 5) }),
      ),
    ).toBe(250);
    expect(
      kustomerRetryAfterMs(new Headers({ "retry-after": new Date(now + 3000).toUTCString() })),
    ).toBeGreaterThan(1000);
    expect(kustomerRetryAfterMs(new Headers({}))).toBeUndefined();
  });

  test("a PATCH is retried after 429, since it was not processed", async () => {
    const calls = stubFetch((_request, index) =>
      index < 2
        ? jsonResponse(429, {}, { "x-ratelimit-reset": "1" })
        : jsonResponse(200, { ok: 1 }),
    );
    expect(await post({ name: "Ada" }, undefined, "PATCH")).toEqual({ ok: 1 });
    expect(calls.map((call) => call.method)).toEqual(["PATCH", "PATCH", "PATCH"]);
    expect(waits).toEqual([1000, 1000]);
  });

  test("without headers it backs off exponentially, with jitter, capped", async () => {
    stubFetch((_request, index) => (index < 5 ? jsonResponse(429, {}) : jsonResponse(200, {})));
    await getCustomer();
    expect(waits).toHaveLength(5);
    waits.forEach((wait, index) => {
      const capped = Math.min(defaults.backoffMaxMs, defaults.backoffBaseMs * 2 ** index);
      expect(wait).toBeGreaterThanOrEqual(capped / 2);
      expect(wait).toBeLessThanOrEqual(capped);
    });
  });

  test("attempts are bounded, then a clear error", async () => {
    const calls = stubFetch(() =>
      jsonResponse(
        429,
        { errors: [{ code: "too_many_requests", message: "Rate limit exceeded" }] },
        { "retry-after": "1" },
      ),
    );
    const error = await post({ name: "Ada" }).catch((caught: unknown) => caught);
    expect(calls).toHaveLength(kustomerSettings.maxAttempts);
    expect(error).toMatchObject({
      status: 429,
      code: "too_many_requests",
      attempts: kustomerSettings.maxAttempts,
      retryAfterMs: 1000,
    });
    expect((error as Error).message).toMatch(
      /429 Too Many Requests: Rate limit exceeded; rate limited by Kustomer .* gave up after 6 attempt\(s\) and 5 s of waiting/,
    );
  });

  test("a wait longer than the total budget is not started", async () => {
    const calls = stubFetch(() => jsonResponse(429, {}, { "retry-after": "600" }));
    await expect(getCustomer()).rejects.toMatchObject({ status: 429, retryAfterMs: 600_000 });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe("5xx and network errors: only GET, PUT and DELETE are repeated", () => {
  for (const method of ["GET", "PUT", "DELETE"] as const) {
    test(`${method} is retried after a 503`, async () => {
      const calls = stubFetch((_request, index) =>
        index === 0 ? jsonResponse(503, {}) : jsonResponse(200, { ok: 1 }),
      );
      const body = method === "PUT" ? { name: "Ada" } : undefined;
      expect(
        await kustomerRequest(TEST_AUTH, {
          operation: "X",
          method,
          path: "/v1/customers/c1",
          body,
        }),
      ).toEqual({ ok: 1 });
      expect(calls).toHaveLength(2);
      expect(waits).toHaveLength(1);
    });
  }

  for (const status of [501, 505]) {
    test(`a ${status} is final: not repeated, and a POST is not said to have maybe run`, async () => {
      const calls = stubFetch(() => jsonResponse(status, { errors: [{ title: "Not here" }] }));
      await expect(getCustomer()).rejects.toMatchObject({ status });
      expect(calls).toHaveLength(1);
      expect(waits).toEqual([]);
      const post = await kustomerRequest(TEST_AUTH, {
        operation: "X",
        method: "POST",
        path: "/v1/customers",
        body: { name: "Ada" },
      }).catch((error: KustomerError) => error);
      expect((post as KustomerError).message).not.toContain("may have been processed");
    });
  }

  test("a 5xx ignores x-ratelimit-reset (that is for 429) and backs off instead", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 60) })
        : jsonResponse(200, {}),
    );
    await getCustomer();
    expect(calls).toHaveLength(2);
    expect(waits[0]).toBeLessThanOrEqual(defaults.backoffBaseMs);
  });

  test("GET gives up after the allowed retries", async () => {
    const calls = stubFetch(() =>
      jsonResponse(500, { errors: [{ code: "internal", message: "boom" }] }),
    );
    await expect(getCustomer()).rejects.toMatchObject({
      status: 500,
      code: "internal",
      attempts: 3,
    });
    expect(calls).toHaveLength(1 + defaults.maxServerErrorRetries);
  });

  for (const method of ["POST", "PATCH"] as const) {
    test(`${method} is never repeated after a 500`, async () => {
      const calls = stubFetch(() => jsonResponse(500, {}));
      const error = (await post({ name: "Ada" }, undefined, method).catch(
        (caught: unknown) => caught,
      )) as Error;
      expect(calls).toHaveLength(1);
      expect(error.message).toContain(
        "not retried automatically: the request may have been processed",
      );
    });

    test(`${method} is never repeated after a network error`, async () => {
      let count = 0;
      spyOn(globalThis, "fetch").mockImplementation((async () => {
        count++;
        throw new TypeError("connection reset");
      }) as unknown as typeof fetch);
      const error = (await post({ name: "Ada" }, undefined, method).catch(
        (caught: unknown) => caught,
      )) as Error;
      expect(count).toBe(1);
      expect(error).toMatchObject({ status: 0, code: "network_error", attempts: 1 });
      expect(error.message).toMatch(
        /network error talking to api\.kustomerapp\.com:443: connection reset; not retried automatically.*look the record up by externalId/,
      );
    });
  }

  test("GET is retried after a network error", async () => {
    let count = 0;
    spyOn(globalThis, "fetch").mockImplementation((async () => {
      count++;
      if (count === 1) {
        throw new TypeError("connection reset");
      }
      return jsonResponse(200, { ok: 1 });
    }) as unknown as typeof fetch);
    expect(await getCustomer()).toEqual({ ok: 1 });
    expect(count).toBe(2);
  });
});

describe("timeout per attempt", () => {
  const hangUntilAborted = () => {
    let count = 0;
    spyOn(globalThis, "fetch").mockImplementation(((_input: unknown, init?: RequestInit) => {
      count++;
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () =>
          reject(new DOMException("aborted", "AbortError")),
        );
      });
    }) as unknown as typeof fetch);
    return () => count;
  };

  test("a GET that hangs times out and is retried, then fails with code timeout", async () => {
    kustomerSettings.attemptTimeoutMs = 20;
    const count = hangUntilAborted();
    await expect(getCustomer()).rejects.toMatchObject({ status: 0, code: "timeout", attempts: 3 });
    expect(count()).toBe(3);
  });

  test("a POST that hangs times out once and is not repeated", async () => {
    kustomerSettings.attemptTimeoutMs = 20;
    const count = hangUntilAborted();
    await expect(post({ name: "Ada" })).rejects.toThrow(
      /no answer within 20 ms; not retried automatically/,
    );
    expect(count()).toBe(1);
  });
});

describe("bodies of several shapes", () => {
  const shapes: KustomerSchema = {
    anyOf: [
      { type: "object", required: ["preview"], properties: { preview: { type: "string" } } },
      { type: "object", required: ["meta"], properties: { meta: { type: "object" } } },
    ],
  };

  test("a body that fits no shape is refused, naming what the closest shape lacks", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await expect(post({ preview: 42 }, shapes)).rejects.toThrow(
      "body does not match any of the 2 shapes Kustomer accepts here; the closest fails at body.preview must be a string (got 42)",
    );
    expect(calls).toHaveLength(0);
    await post({ meta: { reason: "gdpr" } }, shapes);
    expect(calls).toHaveLength(1);
  });

  test("one shape or null reports the shape's own problem", async () => {
    stubFetch(() => jsonResponse(200, {}));
    const oneShape: KustomerSchema = {
      type: "object",
      properties: { hours: { anyOf: [{ type: "array", minItems: 2 }], nullable: true } },
    };
    await expect(post({ hours: [1] }, oneShape)).rejects.toThrow(
      "body.hours has 1 items; pass at least 2",
    );
    await post({ hours: null }, oneShape);
  });
});

describe("input checked against the schema before sending", () => {
  const customer: KustomerSchema = {
    type: "object",
    additionalProperties: false,
    properties: {
      name: { type: "string", nullable: true, maxLength: 5 },
      gender: { type: "string", enum: ["m", "f"], nullable: true },
      emails: {
        type: "array",
        maxItems: 2,
        items: { type: "object", required: ["email"], properties: { email: { type: "string" } } },
      },
      tags: { type: "array", items: { type: "string", pattern: "^[a-z]+$" } },
      rev: { type: "number" },
      custom: { type: "object", customAttributes: true },
    },
  };
  const bulk: KustomerSchema = { type: "array", minItems: 1, maxItems: 100, items: customer };

  const cases: [string, unknown, KustomerSchema, string][] = [
    [
      "a bulk body that is not an array",
      { name: "Ada" },
      bulk,
      "body must be an array (got an object)",
    ],
    ["an empty bulk body", [], bulk, "body has 0 items; pass at least 1"],
    [
      "101 items",
      Array.from({ length: 101 }, () => ({ name: "A" })),
      bulk,
      "body has 101 items; Kustomer takes at most 100 per bulk request: split the list into chunks of 100",
    ],
    [
      "a missing required field",
      { emails: [{ email: "a@x.io" }, { verified: true }] },
      customer,
      "body.emails[1].email is required",
    ],
    [
      "a value outside the enum",
      { gender: "x" },
      customer,
      'body.gender must be one of "m", "f" (got "x")',
    ],
    [
      "a string too long",
      { name: "Adelaide" },
      customer,
      "body.name is 8 characters long; at most 5 allowed",
    ],
    [
      "too many items",
      { emails: [{ email: "a" }, { email: "b" }, { email: "c" }] },
      customer,
      "body.emails has 3 items; at most 2 allowed",
    ],
    ["a wrong type", { rev: "3" }, customer, 'body.rev must be a number (got "3")'],
    ["null where not allowed", { rev: null }, customer, "body.rev must be a number"],
    [
      "an unknown field, with a suggestion",
      { Name: "Ada" },
      customer,
      'body.Name is not a field Kustomer accepts here (did you mean "name"?)',
    ],
    [
      "a pattern",
      { tags: ["VIP!"] },
      customer,
      "body.tags[0] does not match the pattern Kustomer requires: ^[a-z]+$",
    ],
    [
      "a custom attribute without a suffix",
      { custom: { tier: "gold" } },
      customer,
      "body.custom.tier must end in a type suffix",
    ],
    [
      "a custom attribute of the wrong type",
      { custom: { ordersNum: "3" } },
      customer,
      'body.custom.ordersNum must be a number or null (its name ends in Num; got "3")',
    ],
    [
      "a custom date that is not one",
      { custom: { renewalAt: "soon" } },
      customer,
      "body.custom.renewalAt must be an ISO-8601 date-time string",
    ],
    [
      "an item inside a bulk body",
      [{ name: "Ada" }, { gender: "x" }],
      bulk,
      'body[1].gender must be one of "m", "f"',
    ],
  ];
  for (const [name, body, schema, message] of cases) {
    test(`rejects ${name}`, async () => {
      const calls = stubFetch(() => jsonResponse(201, {}));
      const error = (await post(body, schema).catch((caught: unknown) => caught)) as Error;
      expect(error).toMatchObject({
        name: "KustomerError",
        code: "invalid_input",
        status: 0,
        attempts: 0,
      });
      expect(error.message).toContain("invalid input, nothing was sent");
      expect(error.message).toContain(message);
      expect(calls).toHaveLength(0);
    });
  }

  test("accepts what the schema allows, custom attributes and nulls included", async () => {
    const calls = stubFetch(() => jsonResponse(201, {}));
    const body = {
      name: null,
      gender: "f",
      custom: { ordersNum: 3, renewalAt: "2026-01-01T00:00:00Z", vipBool: true, noteStr: null },
    };
    await post(body, customer);
    expect(calls[0]?.body).toEqual(body);
  });
});

describe("main's signature, as the terminal runner reads it", () => {
  test("commas and brackets in doc comments do not split or end a parameter", () => {
    const source = `export async function main(
  auth: Kustomer,
  /** The records, in any order (one per line, or a list). */
  records: { name: string; tags?: string[] }[],
  // How long to wait, in seconds (at most 600), then stop.
  deadlineSeconds?: number,
) {}`;
    expect(kustomerSignature(source).map(({ name, optional }) => ({ name, optional }))).toEqual([
      { name: "auth", optional: false },
      { name: "records", optional: false },
      { name: "deadlineSeconds", optional: true },
    ]);
  });
});

describe("a success answer that is not Kustomer's JSON is a failure", () => {
  test("200 text/html (a proxy page, a wrong base URL) fails at once, saying what came back", async () => {
    const calls = stubFetch(
      () =>
        new Response(`<!doctype html><html><title>Sign in</title> Bearer ${TEST_AUTH.apiKey}`, {
          status: 200,
          headers: { "content-type": "text/html; charset=utf-8" },
        }),
    );
    const error = (await getCustomer().catch((caught: unknown) => caught)) as KustomerError;
    expect(error).toBeInstanceOf(KustomerError);
    expect(error).toMatchObject({ status: 200, code: "invalid_response", attempts: 1 });
    expect(error.message).toContain(
      "200 OK answered with text/html; charset=utf-8, not Kustomer's JSON, starting \"<!doctype html><html><title>Sign in</title>",
    );
    expect(error.message).toContain("is auth.baseUrl the API host");
    expect(calls).toHaveLength(1);
    expect(error.message + JSON.stringify(error)).not.toContain(TEST_AUTH.apiKey);
  });

  test("a cut-off JSON answer to a POST is not retried and may have been processed", async () => {
    const calls = stubFetch(
      () =>
        new Response('{"data":{"type":"customer","id":"c1","attrib', {
          status: 201,
          headers: { "content-type": "application/json" },
        }),
    );
    for (const method of ["POST", "PATCH"] as const) {
      const error = (await post({ name: "Ada" }, undefined, method).catch(
        (caught: unknown) => caught,
      )) as KustomerError;
      expect(error).toMatchObject({ status: 201, code: "invalid_response", attempts: 1 });
      expect(error.message).toContain("application/json that is not complete JSON");
      expect(error.message).toContain("the request may have been processed");
    }
    expect(calls).toHaveLength(2);
  });

  test("a cut-off JSON answer to a GET is read again, then fails", async () => {
    const calls = stubFetch(
      () =>
        new Response('{"data":', { status: 200, headers: { "content-type": "application/json" } }),
    );
    await expect(getCustomer()).rejects.toMatchObject({ code: "invalid_response", attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  test("only 204 and an empty body are null", async () => {
    stubFetch(() => new Response("  \n", { status: 200 }));
    expect(await getCustomer()).toBeNull();
  });
});

describe("redirects, connections and keys", () => {
  test("a redirect is not followed nor retried, and says where it pointed", async () => {
    const calls = stubFetch(
      () =>
        new Response(null, {
          status: 301,
          statusText: "Moved Permanently",
          headers: { location: "https://www.kustomer.com/login" },
        }),
    );
    const error = (await getCustomer().catch((caught: unknown) => caught)) as KustomerError;
    expect(error).toMatchObject({ status: 301, code: "redirect", attempts: 1 });
    expect(error.message).toContain(
      "301 Moved Permanently: the server redirects to https://www.kustomer.com/login; redirects are not followed",
    );
    expect(calls).toHaveLength(1);
  });

  test("fetch is told not to follow redirects", async () => {
    const calls: RequestInit[] = [];
    spyOn(globalThis, "fetch").mockImplementation((async (_url: unknown, init: RequestInit) => {
      calls.push(init);
      return jsonResponse(200, {});
    }) as unknown as typeof fetch);
    await getCustomer();
    expect(calls[0]?.redirect).toBe("manual");
  });

  test("a refused connection names host and port, in words, and a POST says nothing was sent", async () => {
    stubFetch(() => {
      throw Object.assign(
        new TypeError("ECONNREFUSED: Unable to connect. Is the computer able to access the url?"),
        { code: "ECONNREFUSED" },
      );
    });
    const auth = { apiKey: TEST_AUTH.apiKey, baseUrl: "http://127.0.0.1:4999" };
    const error = (await kustomerRequest(auth, {
      operation: "CreateCustomer",
      method: "POST",
      path: "/v1/customers",
      body: { name: "A" },
    }).catch((caught: unknown) => caught)) as KustomerError;
    expect(error).toMatchObject({ code: "network_error", attempts: 1 });
    expect(error.message).toBe(
      "Kustomer POST /v1/customers failed: could not connect to 127.0.0.1:4999: connection refused (nothing listens there; check auth.baseUrl and that the server runs); the request did not reach the server, so nothing was processed",
    );
  });

  test("Bun's internal wording is left out of other network errors", async () => {
    stubFetch(() => {
      throw Object.assign(
        new TypeError(
          'UnexpectedRedirect fetching "x". For more information, pass `verbose: true` in the second argument to fetch()',
        ),
        { code: "UnexpectedRedirect" },
      );
    });
    kustomerSettings.maxServerErrorRetries = 0;
    const error = (await getCustomer().catch((caught: unknown) => caught)) as KustomerError;
    expect(error.message).not.toContain("verbose");
    expect(error.message).toContain("network error talking to api.kustomerapp.com:443");
  });

  const keys: [string, string][] = [
    ["a non-ASCII character", "key-é-0123456789"],
    ["a smart quote", "\u201ckey0123456789\u201d"],
    ["a control character", "key\u0007-0123456789"],
  ];
  for (const [name, apiKey] of keys) {
    test(`a key with ${name} is refused before sending`, async () => {
      const calls = stubFetch(() => jsonResponse(200, {}));
      const error = (await getCustomer({ apiKey }).catch((caught: unknown) => caught)) as Error;
      expect(error).toMatchObject({ code: "invalid_input", attempts: 0 });
      expect(error.message).toContain("auth.apiKey holds characters an HTTP header cannot carry");
      expect(error.message).not.toContain(apiKey);
      expect(calls).toHaveLength(0);
    });
  }

  test("a region is read in any case", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await getCustomer({ apiKey: "k-123456", region: "EU" as never });
    expect(calls[0]?.url.origin).toBe("https://api.prod2.kustomerapp.com");
  });
});

describe("checks before sending, with the value and the limit", () => {
  test("a body over 100 KB is refused with its size; bytes, not characters, are counted", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await expect(post({ note: "x".repeat(100_000) })).rejects.toThrow(
      "body is 100011 bytes as JSON; Kustomer refuses a request over 100000 bytes (413 Payload Too Large)",
    );
    await expect(post({ note: "é".repeat(50_001) })).rejects.toThrow("body is 100013 bytes");
    await expect(post([{ note: "é".repeat(60_000) }])).rejects.toThrow(
      "body is 120013 bytes as JSON; Kustomer refuses a request over 100000 bytes (413 Payload Too Large): send fewer or smaller items per request",
    );
    expect(calls).toHaveLength(0);
  });

  test("a request may name its own limit", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await kustomerRequest(TEST_AUTH, {
      operation: "Hook",
      method: "POST",
      path: "/v1/hooks",
      body: { note: "x".repeat(200_000) },
      maxBytes: 400_000,
    });
    expect(calls).toHaveLength(1);
  });

  test("a query value out of range names the value and the limit", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    const list = (query: { [name: string]: unknown }) =>
      kustomerRequest(TEST_AUTH, {
        operation: "GetCustomers",
        method: "GET",
        path: "/v1/customers",
        query,
        querySchema: {
          page: { type: "integer", minimum: 1 },
          pageSize: { type: "integer", minimum: 1, maximum: 100 },
        },
      });
    await expect(list({ pageSize: 500 })).rejects.toThrow("pageSize must be at most 100 (got 500)");
    await expect(list({ page: 1.5 })).rejects.toThrow("page must be a whole number (got 1.5)");
    await expect(list({ page: 0 })).rejects.toThrow("page must be at least 1 (got 0)");
    expect(calls).toHaveLength(0);
  });

  test("a 429 asking for more than the budget says how long was asked", async () => {
    stubFetch(() => jsonResponse(429, {}, { "retry-after": "600" }));
    await expect(getCustomer()).rejects.toThrow(
      "Kustomer asked to wait 600 s, more than the 90 s left of the 90 s waiting budget",
    );
  });

  test("a POST that got a 500 does not also claim it is safe to retry", async () => {
    stubFetch(() => jsonResponse(500, { errors: [{ code: "server_error", message: "Boom" }] }));
    const error = (await post({ name: "A" }).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(
      "Kustomer POST /v1/customers failed: 500 Internal Server Error: Boom; not retried automatically: the request may have been processed, so check in Kustomer (for example look the record up by externalId) before sending it again",
    );
  });
});

describe("clearing a list: null on a list field is sent as []", () => {
  const customer: KustomerSchema = {
    type: "object",
    properties: {
      name: { type: "string", nullable: true },
      tags: { type: "array", items: { type: "string" } },
      emails: {
        type: "array",
        items: { type: "object", properties: { email: { type: "string" } } },
      },
      locale: { type: "string", nullable: true },
    },
  };

  test("null on a list empties it; untouched blanks are still dropped; null stays null elsewhere", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await post({ tags: null, emails: [], name: "", locale: null }, customer, "PATCH");
    expect(calls[0]?.rawBody).toBe('{"tags":[],"locale":null}');
  });

  test("an empty list alone is still a form blank: nothing is sent", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await expect(post({ tags: [] }, customer, "PATCH")).rejects.toThrow(
      "body has no fields set: fill in at least one field (null clears a value; null on a list empties it)",
    );
    expect(calls).toHaveLength(0);
  });

  test("in a bulk update, each item's null list is sent as []", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await kustomerRequest(TEST_AUTH, {
      operation: "BulkBatchUpdateCustomers",
      method: "PUT",
      path: "/v1/customers/bulk",
      body: [
        { id: "c1", tags: null },
        { id: "c2", emails: null, name: "" },
      ],
      bodySchema: { type: "array", items: customer },
    });
    expect(calls[0]?.body).toEqual([
      { id: "c1", tags: [] },
      { id: "c2", emails: [] },
    ]);
  });

  test("every list field of every update (PUT, PATCH), in every shape it accepts, can be cleared", async () => {
    const { BODY_SCHEMAS, CORE_OPERATIONS, OTHER_OPERATIONS } = await import(
      "../../resources/operations.ts"
    );
    let checked = 0;
    const inShapes = new Set<string>();
    for (const [operationId, method] of [...CORE_OPERATIONS, ...OTHER_OPERATIONS]) {
      const schema = BODY_SCHEMAS[operationId];
      if ((method !== "PUT" && method !== "PATCH") || !schema) {
        continue;
      }
      const item = schema.type === "array" ? schema.items : schema;
      // A body Kustomer accepts in several shapes (anyOf) has its fields in each shape.
      for (const shape of item?.anyOf ?? [item]) {
        for (const [field, rule] of Object.entries(shape?.properties ?? {})) {
          if (rule.type !== "array" || rule.nullable) {
            continue;
          }
          const cleaned = kustomerDropUnset({ [field]: null }, item);
          expect({ operationId, field, cleaned }).toEqual({
            operationId,
            field,
            cleaned: { [field]: [] },
          });
          if (item?.anyOf) {
            inShapes.add(operationId);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // The conversation updates (single, PATCH and bulk) are among the bodies with several shapes.
    expect([...inShapes]).toEqual(
      expect.arrayContaining(["UpdateConversation", "UpdateConversationAttributes"]),
    );
  });

  test("in a body with several shapes (a conversation update), null on a list is sent as []", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    const { BODY_SCHEMAS } = await import("../../resources/operations.ts");
    await kustomerRequest(TEST_AUTH, {
      operation: "UpdateConversationAttributes",
      method: "PATCH",
      path: "/v1/conversations/{id}",
      pathParams: { id: "5f1c6a3e9d1b2c0011a0b0c1" },
      body: { tags: null, assignedUsers: null, name: "" },
      bodySchema: BODY_SCHEMAS.UpdateConversationAttributes,
    });
    expect(calls[0]?.body).toEqual({ tags: [], assignedUsers: [] });
  });

  test("a body with nothing to drop is sent as the very object given (no copy)", () => {
    const body = { name: "Ada", tags: ["a"], emails: [{ email: "a@x.io" }] };
    expect(kustomerDropUnset(body, customer)).toBe(body);
  });
});

describe("a key of another region, with no region set (a Hub resource: { apiKey })", () => {
  const mismatch = (pod: string) =>
    Response.json(
      {
        errors: [
          {
            status: 401,
            code: "unauthorized",
            title: `Auth token associated with pod ${pod} but request is being handled by prod1`,
          },
        ],
      },
      { status: 401 },
    );

  test("goes once more to the key's region, and there at once for the next requests", async () => {
    const calls = stubFetch((request) =>
      request.url.host === "api.prod2.kustomerapp.com"
        ? Response.json({ data: { id: "c1" } }, { status: 201 })
        : mismatch("prod2"),
    );
    const auth = { apiKey: "eu-key-for-detection-1" };
    const created = await kustomerRequest(auth, {
      method: "POST",
      path: "/v1/customers",
      operation: "CreateCustomer",
      body: { name: "Ada" },
    });
    expect(created).toEqual({ data: { id: "c1" } });
    await kustomerRequest(auth, {
      method: "GET",
      path: "/v1/customers",
      operation: "GetCustomers",
    });
    expect(calls.map((call) => `${call.method} ${call.url.host}`)).toEqual([
      "POST api.kustomerapp.com",
      "POST api.prod2.kustomerapp.com",
      "GET api.prod2.kustomerapp.com",
    ]);
    // The same body both times: refused, not processed, by the US host.
    expect(calls[1]?.rawBody).toBe(calls[0]?.rawBody);
  });

  test("India (prod4) too", async () => {
    const calls = stubFetch((request) =>
      request.url.host === "api.prod4.kustomerapp.com"
        ? Response.json({ data: [] })
        : mismatch("prod4"),
    );
    await kustomerRequest(
      { apiKey: "india-key-for-detection" },
      { method: "GET", path: "/v1/customers", operation: "GetCustomers" },
    );
    expect(calls.map((call) => call.url.host)).toEqual([
      "api.kustomerapp.com",
      "api.prod4.kustomerapp.com",
    ]);
  });

  test("a region set by hand is kept: the mismatch is the user's error to see", async () => {
    const calls = stubFetch(() => mismatch("prod2"));
    const failure = await kustomerRequest(
      { apiKey: "explicit-us-key", region: "us" },
      { method: "GET", path: "/v1/customers", operation: "GetCustomers" },
    ).catch((error: KustomerError) => error);
    expect(failure).toBeInstanceOf(KustomerError);
    expect((failure as KustomerError).status).toBe(401);
    expect((failure as KustomerError).message).toContain("associated with pod prod2");
    expect(calls).toHaveLength(1);
  });

  test("any other 401 is not a reason to go elsewhere", async () => {
    const calls = stubFetch(() =>
      Response.json({ errors: [{ status: 401, title: "Unauthorized" }] }, { status: 401 }),
    );
    await expect(
      kustomerRequest(
        { apiKey: "wrong-key" },
        { method: "GET", path: "/v1/customers", operation: "GetCustomers" },
      ),
    ).rejects.toThrow(/401/);
    expect(calls).toHaveLength(1);
  });
});
