// The import block's behaviour, tested once against its source (resources/bulk-import.ts). The
// import scripts and wait_for_bulk_operation carry a byte-identical copy (tests/import-stamp.test.ts),
// so this holds for all of them. Time is virtual: minutes of pacing and polling run in milliseconds,
// and no assertion depends on the machine's speed.
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import {
  type KustomerBulkResource,
  type KustomerImportResult,
  KustomerPacer,
  kustomerChunks,
  kustomerImport,
  kustomerImportSettings,
  kustomerPrepareRecords,
  kustomerResetAt,
  kustomerWaitForBulkOperation,
} from "../../resources/bulk-import.ts";
import { KustomerError, kustomerSettings } from "../../resources/kustomer.ts";
import { BODY_SCHEMAS } from "../../resources/operations.ts";
import { FixedWindowLimiter } from "../../sandbox/rate-limit.ts";
import { type FakeBulkOptions, fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { type VirtualClock, virtualClock } from "../helpers/virtual-clock.ts";

const CUSTOMERS: KustomerBulkResource = {
  name: "customers",
  operation: "BulkCreateCustomers",
  path: "/v1/customers/bulk",
  itemSchema: BODY_SCHEMAS.BulkCreateCustomers?.items ?? {},
  lookup: {
    by: "path",
    operation: "GetCustomerByExternalId",
    path: "/v1/customers/externalId={externalId}",
  },
  search: { queryContext: "customer", field: "customer_external_id" },
};

const importDefaults = { ...kustomerImportSettings };
const requestDefaults = { ...kustomerSettings };
let clock: VirtualClock;
let progressLines: string[] = [];

beforeEach(() => {
  clock = virtualClock();
  kustomerImportSettings.now = clock.now;
  kustomerImportSettings.sleep = clock.sleep;
  kustomerSettings.sleep = clock.sleep;
  // Progress ticks on the virtual clock too: a real interval would run beside virtual time.
  kustomerImportSettings.every = (ms, tick) => {
    let stopped = false;
    void (async () => {
      while (!stopped) {
        await clock.sleep(ms);
        if (!stopped) {
          tick();
        }
      }
    })();
    return () => {
      stopped = true;
    };
  };
  progressLines = [];
  kustomerSettings.log = (line) => progressLines.push(line);
});

afterEach(() => {
  Object.assign(kustomerImportSettings, importDefaults);
  Object.assign(kustomerSettings, requestDefaults);
});

const customers = (count: number, from = 0) =>
  Array.from({ length: count }, (_, position) => ({
    name: `Customer ${from + position}`,
    externalId: `crm-${from + position}`,
  }));

function importWith(
  options: FakeBulkOptions,
  records: unknown,
  args: Parameters<typeof kustomerImport>[3] = {},
) {
  const api = fakeBulkApi({ now: clock.now, ...options });
  const calls = stubFetch(api.handler);
  const result = clock.run(kustomerImport(TEST_AUTH, CUSTOMERS, records, args));
  return { api, calls, result };
}

/** Every input index in exactly one list. */
function expectAccounted(result: KustomerImportResult, count: number, firstIndex = 0): void {
  const indexes = [...result.created, ...result.failed, ...result.invalid].map((r) => r.index);
  expect([...indexes].sort((a, b) => a - b)).toEqual(
    Array.from({ length: count }, (_, position) => firstIndex + position),
  );
  expect(result.summary.records).toBe(count);
}

function expectNoDuplicates(api: ReturnType<typeof fakeBulkApi>): void {
  const externalIds = api.records.map((record) => record.externalId);
  expect(new Set(externalIds).size).toBe(externalIds.length);
}

describe("the pacer", () => {
  /** Sends `count` requests through the pacer, `workers` at a time, answered by a fixed-window server. */
  async function drive(options: {
    count: number;
    workers: number;
    share?: number;
    priority?: number;
  }) {
    const server = new FixedWindowLimiter(300, 60_000, "ms");
    const pacer = new KustomerPacer(options.share ?? 1);
    const sent: number[] = [];
    let throttled = 0;
    let next = 0;
    const worker = async () => {
      while (next < options.count) {
        next++;
        const seq = await pacer.acquire(options.priority ?? 0);
        const now = clock.now();
        sent.push(now);
        const ok = server.take(now);
        throttled += ok ? 0 : 1;
        const headers = server.headers(now);
        await clock.sleep(50); // the request's round trip
        pacer.release(
          ok ? 200 : 429,
          {
            limit: Number(headers["x-ratelimit-limit"]),
            remaining: Number(headers["x-ratelimit-remaining"]),
            reset: Number(headers["x-ratelimit-reset"]),
          },
          seq,
        );
      }
    };
    const started = clock.now();
    await clock.run(Promise.all(Array.from({ length: options.workers }, worker)));
    return { sent: sent.map((at) => at - started), throttled, pacer };
  }

  test("keeps under the org's limit in every window, so Kustomer never answers 429", async () => {
    const { sent, throttled, pacer } = await drive({ count: 900, workers: 20 });
    expect(throttled).toBe(0);
    expect(pacer.stats).toEqual({ requests: 900, throttled: 0 });
    // 900 requests at 300 per minute take three windows, not much more.
    expect(sent.at(-1)).toBeGreaterThan(120_000);
    expect(sent.at(-1)).toBeLessThan(185_000);
  });

  test("spreads requests over the window instead of sending them in a burst", async () => {
    const { sent } = await drive({ count: 300, workers: 50 });
    const firstTenSeconds = sent.filter((at) => at < 10_000).length;
    // An even spread sends about 50 in the first 10 s of a 60 s window; a burst would send 300.
    expect(firstTenSeconds).toBeGreaterThan(30);
    expect(firstTenSeconds).toBeLessThan(80);
  });

  test("in a dedicated window (share 1) reads go as soon as the budget allows, never over it", async () => {
    const dedicated = await drive({ count: 600, workers: 50, priority: 1 });
    expect(dedicated.throttled).toBe(0);
    // Each window's 300 reads go at once (50 at a time), the next 300 when the window resets.
    expect(dedicated.sent.filter((at) => at < 10_000).length).toBe(300);
    expect(dedicated.sent.at(-1)).toBeLessThan(70_000);
    const shared = await drive({ count: 300, workers: 50, share: 0.8, priority: 1 });
    expect(shared.sent.filter((at) => at < 10_000).length).toBeLessThan(80);
  });

  test("takes at most its share of each window", async () => {
    const { sent, throttled } = await drive({ count: 300, workers: 20, share: 0.5 });
    expect(throttled).toBe(0);
    expect(sent.filter((at) => at < 60_000).length).toBeLessThanOrEqual(150);
  });

  test("sends one request at a time until an answer tells the limit", async () => {
    const pacer = new KustomerPacer(1);
    let granted = 0;
    for (let index = 0; index < 3; index++) {
      void pacer.acquire(0).then(() => granted++);
    }
    await clock.run(clock.sleep(1));
    expect(granted).toBe(1);
    pacer.release(200, { limit: 300, remaining: 299, reset: clock.now() + 60_000 }, 0);
    await clock.run(clock.sleep(1_000));
    expect(granted).toBe(3);
  });

  test("does not hold requests back when Kustomer sends no rate-limit headers", async () => {
    const pacer = new KustomerPacer(1);
    const first = await clock.run(pacer.acquire(0));
    pacer.release(200, {}, first);
    const started = clock.now();
    await clock.run(Promise.all(Array.from({ length: 50 }, () => pacer.acquire(0))));
    expect(clock.now()).toBe(started);
  });

  test("after a 429 it waits for the reset before sending again", async () => {
    const pacer = new KustomerPacer(1);
    const first = await clock.run(pacer.acquire(0));
    const reset = clock.now() + 30_000;
    pacer.release(429, { limit: 300, remaining: 0, reset }, first);
    await clock.run(pacer.acquire(0));
    expect(clock.now()).toBeGreaterThanOrEqual(reset);
  });

  test("gives new bulk calls the next free slot before reads", async () => {
    const pacer = new KustomerPacer(1);
    const first = await clock.run(pacer.acquire(0));
    pacer.release(200, { limit: 2, remaining: 0, reset: clock.now() + 1_000 }, first);
    const order: string[] = [];
    const read = pacer.acquire(1).then(() => order.push("read"));
    const submit = pacer.acquire(0).then(() => order.push("submit"));
    await clock.run(Promise.all([read, submit]));
    expect(order).toEqual(["submit", "read"]);
  });

  test("reads x-ratelimit-reset as epoch ms, epoch seconds or seconds to wait", () => {
    const now = Date.UTC(2026, 0, 1);
    expect(kustomerResetAt(now + 5_000, now)).toBe(now + 5_000);
    expect(kustomerResetAt((now + 5_000) / 1000, now)).toBe(now + 5_000);
    expect(kustomerResetAt(5, now)).toBe(now + 5_000);
    expect(kustomerResetAt(undefined, now)).toBeUndefined();
  });
});

describe("preparing records", () => {
  test("each record gets a _clientRef; the invalid ones say what to fix, by input index", () => {
    const { items, invalid } = kustomerPrepareRecords(
      [
        { name: "Ada", externalId: "a-1" },
        { name: "Own ref", _clientRef: "mine" },
        "not a record",
        {},
        { emails: [{ type: "work" }] },
        { name: "Again", externalId: "a-1" },
        { name: "Ref again", _clientRef: "mine" },
        { name: "x".repeat(kustomerImportSettings.maxRequestBytes) },
      ],
      CUSTOMERS,
      1000,
    );
    expect(items.map((item) => [item.index, item.clientRef])).toEqual([
      [1000, "row-1000"],
      [1001, "mine"],
    ]);
    expect(items[0]?.body).toEqual({ name: "Ada", externalId: "a-1", _clientRef: "row-1000" });
    expect(invalid.map((entry) => [entry.index, entry.problems])).toEqual([
      [1002, ["records[1002] must be an object of fields"]],
      [1003, ["records[1003] has no fields set"]],
      [1004, ["records[1004].emails[0].email is required"]],
      [
        1005,
        [
          'records[1005].externalId "a-1" is also record 1000\'s: importing both would create two customers with one externalId',
        ],
      ],
      [1006, ['records[1006]._clientRef "mine" is also record 1001\'s: make it unique']],
      [1007, expect.arrayContaining([expect.stringContaining("bytes as JSON; Kustomer accepts")])],
    ]);
  });

  test("chunks hold at most 100 records and stay under the request size limit", () => {
    const small = kustomerPrepareRecords(customers(250), CUSTOMERS, 0).items;
    expect(kustomerChunks(small).map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    const large = kustomerPrepareRecords(
      Array.from({ length: 30 }, (_, index) => ({
        name: `${index}`,
        username: "u".repeat(200),
        custom: { notesTxt: "n".repeat(9_000) },
      })),
      CUSTOMERS,
      0,
    ).items;
    const chunks = kustomerChunks(large);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      const bytes = new TextEncoder().encode(JSON.stringify(chunk.map((item) => item.body))).length;
      expect(bytes).toBeLessThanOrEqual(kustomerImportSettings.maxRequestBytes);
    }
  });
});

describe("importing", () => {
  test("sends 100 records per bulk call, follows each operation, returns every record's id", async () => {
    const { api, calls, result } = importWith({}, customers(250), { checkExisting: "never" });
    const done = await result;
    expect(done.created.map((entry) => entry.index)).toEqual(customers(250).map((_, i) => i));
    expect(done.created[0]).toEqual({
      index: 0,
      clientRef: "row-0",
      id: api.records[0]?.id ?? "",
      externalId: "crm-0",
    });
    const posts = calls.filter((call) => call.method === "POST");
    expect(posts.map((call) => (call.body as unknown[]).length)).toEqual([100, 100, 50]);
    expect((posts[0]?.body as { _clientRef: string }[] | undefined)?.[99]?._clientRef).toBe(
      "row-99",
    );
    // One status read and one batches read per operation: nothing more.
    expect(
      calls.map((call) => `${call.method} ${call.path.replace(/\w{24}/, "ID")}`).sort(),
    ).toEqual(
      [
        ...Array(3).fill("GET /v1/bulk/ID"),
        ...Array(3).fill("GET /v1/bulk/ID/batches"),
        ...Array(3).fill("POST /v1/customers/bulk"),
      ].sort(),
    );
    expect(done.summary).toMatchObject({
      records: 250,
      created: 250,
      failed: 0,
      bulkOperations: 3,
    });
  });

  test("reports invalid records without sending them, with the indexes of the whole input", async () => {
    const records = [...customers(3), { emails: [{}] }, "nope"];
    const { calls, result } = importWith({}, records, { firstIndex: 500, checkExisting: "never" });
    const done = await result;
    expectAccounted(done, 5, 500);
    expect(done.invalid.map((entry) => entry.index)).toEqual([503, 504]);
    expect(calls.filter((call) => call.method === "POST")[0]?.body).toHaveLength(3);
  });

  test("bad options and bad auth are refused before anything is sent", async () => {
    const calls = stubFetch(() => jsonResponse(201, {}));
    const attempt = (auth: typeof TEST_AUTH, args: Parameters<typeof kustomerImport>[3]) =>
      clock.run(kustomerImport(auth, CUSTOMERS, customers(2), args));
    await expect(
      attempt(TEST_AUTH, { rateShare: 2, checkExisting: "maybe", firstIndex: 1.5 }),
    ).rejects.toThrow(
      /checkExisting must be auto, always or never[\s\S]*rateShare must be a number from 0.01 to 1[\s\S]*firstIndex/,
    );
    await expect(attempt({ apiKey: " " }, {})).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      clock.run(kustomerImport(TEST_AUTH, CUSTOMERS, { not: "a list" }, {})),
    ).rejects.toThrow("records must be a list");
    await expect(
      clock.run(
        kustomerImport(TEST_AUTH, { ...CUSTOMERS, path: "/v1/klasses/{name}/bulk" }, [], {}),
      ),
    ).rejects.toThrow("name is required");
    expect(calls).toHaveLength(0);
  });

  test("a record Kustomer refuses fails alone, with Kustomer's errors and the bulk id", async () => {
    const errors = [{ status: 400, code: "bad_request", detail: "/name is too long" }];
    const { result } = importWith(
      { itemErrors: (item) => (item.externalId === "crm-1" ? errors : undefined) },
      customers(3),
      { checkExisting: "never" },
    );
    const done = await result;
    expectAccounted(done, 3);
    expect(done.failed).toEqual([
      expect.objectContaining({ index: 1, externalId: "crm-1", code: "bulk_item_failed", errors }),
    ]);
    expect(done.failed[0]?.bulkId).toMatch(/^\w{24}$/);
  });

  test("a 409 for an externalId that exists already means the record is there: existing", async () => {
    const api = fakeBulkApi({ now: clock.now, uniqueExternalIds: true });
    stubFetch(api.handler);
    api.records.push({
      id: "0000000000000000000000aa",
      externalId: "crm-1",
      item: { name: "Before" },
    });
    const done = await clock.run(
      kustomerImport(TEST_AUTH, CUSTOMERS, customers(3), { checkExisting: "never" }),
    );
    expectAccounted(done, 3);
    expect(done.created.find((entry) => entry.index === 1)).toEqual({
      index: 1,
      clientRef: "row-1",
      id: "0000000000000000000000aa",
      externalId: "crm-1",
      existing: true,
    });
    expectNoDuplicates(api);
  });

  test("a bulk call whose answer was lost before Kustomer took it: looked up, then sent once more", async () => {
    const { api, result } = importWith(
      { bulkPost: (call) => (call === 1 ? "500-before" : "ok") },
      customers(250),
      { checkExisting: "never" },
    );
    const done = await result;
    expectAccounted(done, 250);
    expect(done.summary.created).toBe(250);
    expect(api.posts).toBe(4);
    expectNoDuplicates(api);
  });

  test.each(["500-after", "drop-after"] as const)(
    "a bulk call Kustomer took although the answer was lost (%s) is never sent again",
    async (fault) => {
      const { api, calls, result } = importWith(
        { bulkPost: (call) => (call === 0 ? fault : "ok") },
        customers(150),
        { checkExisting: "never" },
      );
      const done = await result;
      expectAccounted(done, 150);
      expect(done.summary.created).toBe(150);
      expect(api.posts).toBe(2);
      expect(api.records).toHaveLength(150);
      // The lost chunk was found with one search, not 100 lookups.
      expect(calls.filter((call) => call.path === "/v1/customers/search")).toHaveLength(1);
    },
  );

  test("records without externalId in a lost bulk call are not risked twice: outcome_unknown", async () => {
    const records = [
      { name: "No key 1" },
      { name: "Keyed", externalId: "k-1" },
      { name: "No key 2" },
    ];
    const { api, result } = importWith(
      { bulkPost: (call) => (call === 0 ? "500-before" : "ok") },
      records,
      { checkExisting: "never" },
    );
    const done = await result;
    expectAccounted(done, 3);
    expect(done.failed.map((entry) => [entry.index, entry.code])).toEqual([
      [0, "outcome_unknown"],
      [2, "outcome_unknown"],
    ]);
    expect(done.failed[0]?.message).toContain("was not sent again");
    expect(done.created.map((entry) => entry.externalId)).toEqual(["k-1"]);
    expect(api.records.map((record) => record.externalId)).toEqual(["k-1"]);
  });

  test("a lost answer is checked only after the operation had time to run", async () => {
    const { result } = importWith(
      { bulkPost: (call) => (call === 0 ? "500-before" : "ok") },
      customers(10),
      { checkExisting: "never", tuning: { settleSeconds: 45 } },
    );
    await result;
    expect(clock.sleeps).toContain(45_000);
  });

  test("a 400 pointing at some items fails those; the others, which Kustomer did not take, go again", async () => {
    const refusal = jsonResponse(400, {
      errors: [
        {
          status: 400,
          code: "bad_request",
          detail: "bad phone",
          source: { pointer: "/1/phones/0" },
        },
      ],
    });
    const { api, result } = importWith(
      { bulkPost: (call) => (call === 0 ? refusal : "ok") },
      customers(3),
      { checkExisting: "never" },
    );
    const done = await result;
    expectAccounted(done, 3);
    expect(done.failed.map((entry) => [entry.index, entry.code])).toEqual([[1, "bad_request"]]);
    expect(api.records.map((record) => record.externalId)).toEqual(["crm-0", "crm-2"]);
  });

  test("a 413 splits the chunk in two", async () => {
    const tooLarge = jsonResponse(413, { errors: [{ status: 413, code: "payload_too_large" }] });
    const { calls, result } = importWith(
      { bulkPost: (call) => (call === 0 ? tooLarge : "ok") },
      customers(100),
      { checkExisting: "never" },
    );
    const done = await result;
    expect(done.summary.created).toBe(100);
    const sizes = calls
      .filter((call) => call.method === "POST")
      .map((call) => (call.body as unknown[]).length);
    expect(sizes).toEqual([100, 50, 50]);
  });

  test("throttled beyond the shared block's retries, a chunk simply goes again later", async () => {
    const { api, result } = importWith(
      { bulkPost: (call) => (call < 7 ? "429" : "ok") },
      customers(20),
      { checkExisting: "never" },
    );
    const done = await result;
    expect(done.summary.created).toBe(20);
    expect(done.summary.throttled).toBeGreaterThanOrEqual(6);
    expectNoDuplicates(api);
  });

  test("at the deadline: operations still running are reported with their id, unsent records too", async () => {
    const { result } = importWith({ runningReads: 1_000 }, customers(150), {
      checkExisting: "never",
      deadlineSeconds: 30,
      tuning: { maxPendingBulks: 1 },
    });
    const done = await result;
    expectAccounted(done, 150);
    expect(done.failed[0]).toMatchObject({ code: "bulk_pending", bulkId: expect.any(String) });
    expect(done.failed[0]?.message).toContain("check it with wait_for_bulk_operation");
    expect(done.failed.at(-1)).toMatchObject({ index: 149, code: "not_sent" });
  });

  test("a key Kustomer refuses stops the import at the first request, with Kustomer's error", async () => {
    const calls = stubFetch(() =>
      jsonResponse(401, { errors: [{ status: 401, code: "unauthorized", detail: "bad key" }] }),
    );
    const error = await clock
      .run(kustomerImport(TEST_AUTH, CUSTOMERS, customers(500), {}))
      .catch((e) => e);
    expect(error).toBeInstanceOf(KustomerError);
    expect(error.status).toBe(401);
    expect(calls).toHaveLength(1);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(TEST_AUTH.apiKey);
  });

  test("a transient failure reading results is retried; the records are not lost", async () => {
    const { result } = importWith(
      {
        failRead: (call, request) =>
          request.path.endsWith("/batches") && call < 6 ? 503 : undefined,
      },
      customers(40),
      { checkExisting: "never" },
    );
    const done = await result;
    expect(done.summary.created).toBe(40);
  });
});

describe("re-running an import (checkExisting)", () => {
  /** A fake Kustomer that already holds the records of the given input indexes. */
  function existingFor(indexes: number[]) {
    const api = fakeBulkApi({ now: clock.now });
    for (const index of indexes) {
      api.records.push({ id: `${index}`.padStart(24, "e"), externalId: `crm-${index}`, item: {} });
    }
    return api;
  }

  test("auto: what an interrupted run created is found and not created again", async () => {
    // The earlier run got through chunks 0-2 and chunk 4; chunk 3 had failed.
    const before = [...Array(300).keys(), ...Array.from({ length: 100 }, (_, i) => 400 + i)];
    const api = existingFor(before);
    const calls = stubFetch(api.handler);
    const done = await clock.run(kustomerImport(TEST_AUTH, CUSTOMERS, customers(2_000), {}));
    expectAccounted(done, 2_000);
    expect(done.summary).toMatchObject({ existing: 400, created: 1_600, failed: 0 });
    expect(done.created.find((entry) => entry.index === 450)).toMatchObject({ existing: true });
    expectNoDuplicates(api);
    // The probes stop once 10 chunks in a row held nothing: no lookup of the last 600 records.
    const searched = calls
      .filter((call) => call.path === "/v1/customers/search")
      .flatMap(
        (call) =>
          Object.values((call.body as { and: { [f: string]: { in: string[] } }[] }).and[0] ?? {})[0]
            ?.in ?? [],
      );
    expect(searched).not.toContain("crm-1999");
  });

  test("auto on a fresh import costs a search and a read for each of the first 10 chunks", async () => {
    const { calls, result } = importWith({}, customers(2_000));
    await result;
    expect(calls.filter((call) => call.path === "/v1/customers/search")).toHaveLength(10);
    expect(calls.filter((call) => call.path.startsWith("/v1/customers/externalId="))).toHaveLength(
      10,
    );
  });

  test("always: every record is looked up, wherever it is in the input", async () => {
    const api = existingFor([5, 1_500]);
    stubFetch(api.handler);
    const done = await clock.run(
      kustomerImport(TEST_AUTH, CUSTOMERS, customers(2_000), { checkExisting: "always" }),
    );
    expect(done.created.filter((entry) => entry.existing).map((entry) => entry.index)).toEqual([
      5, 1_500,
    ]);
    expectNoDuplicates(api);
  });

  test("never: nothing is looked up", async () => {
    const { calls, result } = importWith({}, customers(300), { checkExisting: "never" });
    await result;
    expect(
      calls.filter((call) => call.method === "GET" && !call.path.startsWith("/v1/bulk/")),
    ).toHaveLength(0);
    expect(calls.filter((call) => call.path === "/v1/customers/search")).toHaveLength(0);
  });

  test("a key without read access gets an error that says how to import anyway", async () => {
    stubFetch((request) =>
      request.method === "GET" || request.path.endsWith("/search")
        ? jsonResponse(403, {
            errors: [{ status: 403, code: "forbidden", detail: "missing role" }],
          })
        : jsonResponse(201, {}),
    );
    await expect(clock.run(kustomerImport(TEST_AUTH, CUSTOMERS, customers(5), {}))).rejects.toThrow(
      'pass checkExisting "never"',
    );
  });
});

describe("waiting for a bulk operation", () => {
  test("reads at once, then after 1 s, 1.5 s, 2.25 s … at most 10 s apart, then summarises", async () => {
    const api = fakeBulkApi({
      now: clock.now,
      runningReads: 8,
      itemErrors: (item) => (item.name === "bad" ? [{ code: "bad" }] : undefined),
    });
    const calls = stubFetch(api.handler);
    await clock.run(
      (async () => {
        const response = await fetch("https://api.kustomerapp.com/v1/customers/bulk", {
          method: "POST",
          body: JSON.stringify([
            { _clientRef: "a", name: "ok" },
            { _clientRef: "b", name: "bad" },
          ]),
        });
        return response.json();
      })(),
    );
    const id = api.jobs[0]?.id ?? "";
    const summary = await clock.run(
      kustomerWaitForBulkOperation(TEST_AUTH, id, {
        deadlineSeconds: 600,
        firstPollSeconds: 1,
        maxPollSeconds: 10,
      }),
    );
    // Without the progress ticks (30 s apart), which wait beside the polling.
    expect(clock.sleeps.filter((ms) => ms !== 30_000)).toEqual([
      0, 1_000, 1_500, 2_250, 3_375, 5_062.5, 7_593.75, 10_000, 10_000,
    ]);
    expect(summary).toMatchObject({
      id,
      status: "complete",
      succeeded: 1,
      failed: 1,
      results: {
        a: { status: "success", id: api.records[0]?.id },
        b: { status: "failure", errors: [{ code: "bad" }] },
      },
    });
    expect(calls.filter((call) => call.path === `/v1/bulk/${id}`)).toHaveLength(9);
  });

  test("fails with a clear error when the operation is not done by the deadline", async () => {
    const api = fakeBulkApi({ now: clock.now, runningReads: 1_000 });
    stubFetch(api.handler);
    api.jobs.push({ id: "b".repeat(24), items: [], reads: 0 });
    const waiting = kustomerWaitForBulkOperation(TEST_AUTH, "b".repeat(24), {
      deadlineSeconds: 60,
      firstPollSeconds: 1,
      maxPollSeconds: 10,
    });
    await expect(clock.run(waiting)).rejects.toThrow(
      "is still running (0 of 1 batches done) after 60 s: it goes on in Kustomer; run this step again with the same id, or raise deadlineSeconds",
    );
  });
});

describe("progress while an import or a wait works", () => {
  /** Ticks come as virtual time passes (see beforeEach). */
  function captureProgress(): string[] {
    return progressLines;
  }

  test("an import logs a line every 30 s of work, with its counts and never the key", async () => {
    const lines = captureProgress();
    // Operations that stay running for many reads make the import last minutes of virtual time.
    const { result } = importWith({ runningReads: 12 }, [...customers(250), { emails: [{}] }], {
      checkExisting: "never",
    });
    const done = await result;
    expect(done.summary.seconds).toBeGreaterThan(90);
    expect(lines.length).toBe(Math.floor((done.summary.seconds * 1000) / 30_000));
    expect(lines[0]).toMatch(
      /^import \(BulkCreateCustomers\) after 30 s: 250 of 251 records sent; 0 created, 0 existing, 0 failed, 1 invalid; 3 bulk operations pending; \d+ requests \(0 throttled\)$/,
    );
    for (const line of lines) {
      expect(line).not.toContain(TEST_AUTH.apiKey);
    }
  });

  test("the interval is a setting: every 10 s gives three times the lines", async () => {
    const lines = captureProgress();
    kustomerSettings.progressEveryMs = 10_000;
    const { result } = importWith({ runningReads: 12 }, customers(100), { checkExisting: "never" });
    const done = await result;
    expect(lines.length).toBe(Math.floor((done.summary.seconds * 1000) / 10_000));
    expect(lines.at(-1)).toContain("100 of 100 records sent");
  });

  test("a short import logs nothing and stops its interval", async () => {
    let stopped = 0;
    kustomerImportSettings.every = () => () => {
      stopped++;
    };
    const lines: string[] = [];
    kustomerSettings.log = (line) => lines.push(line);
    await importWith({}, customers(5), { checkExisting: "never" }).result;
    expect(lines).toEqual([]);
    expect(stopped).toBe(1);
  });

  test("a wait for a bulk operation logs its status every 30 s", async () => {
    const lines = captureProgress();
    const api = fakeBulkApi({ now: clock.now, runningReads: 12 });
    stubFetch(api.handler);
    api.jobs.push({ id: "c".repeat(24), items: [], reads: 0 });
    const summary = await clock.run(
      kustomerWaitForBulkOperation(TEST_AUTH, "c".repeat(24), {
        deadlineSeconds: 600,
        firstPollSeconds: 1,
        maxPollSeconds: 10,
      }),
    );
    expect(lines.length).toBe(Math.floor((summary.seconds * 1000) / 30_000));
    expect(lines[0]).toMatch(
      /^bulk operation c{24} after 30 s: running, 0 of 1 batches done; \d+ requests \(0 throttled\)$/,
    );
  });

  test("by default the line goes to the console (Windmill's job log)", () => {
    expect(requestDefaults.log.toString()).toContain("console.log");
  });
});
