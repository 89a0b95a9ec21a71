// bulk_upsert_kobjects against the sandbox: lookups batched through search with the guessed field
// kobject_<klass>_external_id, new KObjects created in bulk, changed ones updated in bulk with only
// the fields given, unchanged ones not sent; a second run all unchanged; duplicates and invalid
// records reported by index; a create racing another run read and updated; a failure mid-run
// repaired by a second run; and the fallback to direct reads by externalId when search refuses the
// field (400) or proves blind to it. The engine is resources/sync.ts (kustomerBulkUpsert).
import { afterEach, describe, expect, mock, spyOn, test } from "bun:test";
import { BODY_SCHEMAS } from "../../resources/operations.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { bulkUpsertFor, main } from "../../scripts/kobjects/bulk_upsert_kobjects.ts";
import { expectEachRecordOnce, FAST, startImportSandbox } from "../helpers/import-harness.ts";
import { readProjectFile } from "../helpers/project.ts";
import { createKlass } from "../helpers/sync-harness.ts";
import { runInTerminal } from "../helpers/terminal.ts";

const TUNING = { ...FAST, searchesPerWindow: 100_000, windowSeconds: 1 };
const KLASS = "order";
const COLLECTION = `kobjects:${KLASS}`;

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

type Result = Awaited<ReturnType<typeof main>>;
type Records = Parameters<typeof main>[2];

/** A sandbox that refuses a second KObject with one externalId (409), with the klass created. */
async function start(options: Parameters<typeof startImportSandbox>[0] = {}) {
  mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  const started = startImportSandbox({ uniqueExternalIds: true, ...options });
  sandbox = started.sandbox;
  await createKlass(sandbox, KLASS);
  return { ...started, box: sandbox };
}

function byExternalId(box: Sandbox, externalId: string) {
  return box.records(COLLECTION).filter((record) => record.attributes.externalId === externalId);
}

function requestOf(input: string | URL | Request, init?: RequestInit): Request {
  return input instanceof Request ? new Request(input, init) : new Request(String(input), init);
}

/** Runs `work` with fetch replaced by `stub` (which may call the real fetch), then restores it. */
async function withFetch<T>(
  stub: (request: Request, realFetch: typeof fetch) => Promise<Response>,
  work: () => Promise<T>,
): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) =>
    stub(requestOf(input, init), realFetch)) as typeof fetch;
  try {
    return await work();
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** A search request's body, or undefined for any other request. */
async function searchBody(request: Request): Promise<string | undefined> {
  const url = new URL(request.url);
  return request.method === "POST" && url.pathname === "/v1/customers/search"
    ? await request.clone().text()
    : undefined;
}

test("checks each record with the items of BulkCreateKObjects' body schema", () => {
  const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
    readProjectFile("scripts/kobjects/bulk_upsert_kobjects.ts"),
  )?.[1];
  expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateKObjects?.items);
});

describe("bulk_upsert_kobjects", () => {
  test("mixed existing and new: created, updated (only the fields given), unchanged not sent", async () => {
    const requests: string[] = [];
    const { auth, box } = await start({
      onResponse: ({ method, path }) => requests.push(`${method} ${path}`),
    });
    const [first, second] = box.seed(COLLECTION, [
      {
        title: "Order 1",
        externalId: "o-1",
        description: "two books",
        tags: ["web"],
        custom: { totalNum: 12, statusStr: "open" },
      },
      { title: "Order 2", externalId: "o-2", custom: { totalNum: 30, statusStr: "open" } },
      { title: "Order 3", externalId: "o-3" },
    ]) as [string, string, string];
    const searches: string[] = [];
    const records: Records = [
      { externalId: "o-1", title: "Order 1, paid" }, // changed: title only
      { externalId: "o-new-1", title: "Order 4", custom: { totalNum: 5 } }, // new
      { externalId: "o-3", title: "Order 3" }, // already so: not sent
      { externalId: "o-2", custom: { statusStr: "shipped" } }, // one custom attribute
      { externalId: "o-new-2", title: "Order 5", tags: ["phone"] },
    ];
    const result = await withFetch(
      async (request, realFetch) => {
        const body = await searchBody(request);
        if (body !== undefined) {
          searches.push(body);
        }
        return realFetch(request);
      },
      () => main(auth, KLASS, records, 1, 0, 60, TUNING),
    );
    expectEachRecordOnce(result, 5);
    expect(result.summary).toMatchObject({
      created: 2,
      updated: 2,
      unchanged: 1,
      failed: 0,
      invalid: 0,
      lookup: "search",
      searches: 1,
      lookups: 0,
    });
    // The guessed field, `in` the batch's externalIds, in the klass's query context.
    expect(JSON.parse(searches[0] ?? "{}")).toEqual({
      queryContext: "kobject_order",
      and: [{ kobject_order_external_id: { in: ["o-1", "o-new-1", "o-3", "o-2", "o-new-2"] } }],
    });
    expect(result.created.map((entry) => entry.externalId)).toEqual(["o-new-1", "o-new-2"]);
    expect(result.updated.map((entry) => [entry.index, entry.id])).toEqual([
      [0, first],
      [3, second],
    ]);
    expect(result.unchanged.map((entry) => entry.externalId)).toEqual(["o-3"]);
    // Nothing erased: the first keeps its description, tags and custom attributes; the second
    // its title and its other custom attribute.
    const firstNow = box.records(COLLECTION).find((record) => record.id === first);
    expect(firstNow?.attributes).toMatchObject({
      title: "Order 1, paid",
      description: "two books",
      tags: ["web"],
      custom: { totalNum: 12, statusStr: "open" },
    });
    const secondNow = box.records(COLLECTION).find((record) => record.id === second);
    expect(secondNow?.attributes).toMatchObject({
      title: "Order 2",
      custom: { totalNum: 30, statusStr: "shipped" },
    });
    expect(byExternalId(box, "o-new-2")[0]?.attributes).toMatchObject({
      title: "Order 5",
      tags: ["phone"],
    });
    // One search for the five lookups, one bulk create, one bulk update: no request per record.
    expect(requests.filter((r) => r.startsWith("POST /v1/customers/search"))).toHaveLength(1);
    expect(requests.filter((r) => r === "POST /v1/klasses/order/bulk")).toHaveLength(1);
    expect(requests.filter((r) => r === "PUT /v1/klasses/order/bulk")).toHaveLength(1);
    expect(requests.filter((r) => r.startsWith("GET /v1/klasses/"))).toHaveLength(0);

    // The same upsert again changes nothing and sends no write.
    requests.length = 0;
    const again = await main(auth, KLASS, records, 1, 0, 60, TUNING);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 5, failed: 0 });
    expect(again.summary.bulkOperations).toBe(0);
    expect(requests.filter((r) => !r.startsWith("POST /v1/customers/search"))).toEqual([]);
  });

  test("many records: one search per 100, each stored once, a second run all unchanged", async () => {
    const { auth, box } = await start();
    const records: Records = Array.from({ length: 250 }, (_, i) => ({
      externalId: `o-${i}`,
      title: `Order ${i}`,
    }));
    // An empty klass: every batch's search finds nothing, so each is checked with one direct
    // read (the field is a guess until a search matches a record) and stays on search.
    const first = await main(auth, KLASS, records, 1, 0, 60, TUNING);
    expectEachRecordOnce(first, 250);
    expect(first.summary).toMatchObject({
      created: 250,
      lookup: "search",
      searches: 3,
      lookups: 3,
    });
    const changed = records.map((record, i) =>
      i % 2 === 0 ? { ...record, title: `Order ${i}, paid` } : record,
    );
    const second = await main(auth, KLASS, changed, 1, 0, 60, TUNING);
    expectEachRecordOnce(second, 250);
    expect(second.summary).toMatchObject({
      created: 0,
      updated: 125,
      unchanged: 125,
      failed: 0,
      lookup: "search",
      searches: 3,
      lookups: 0, // search matched records: no check needed
    });
    for (let i = 0; i < 250; i++) {
      expect(byExternalId(box, `o-${i}`).map((r) => r.attributes.title)).toEqual([
        changed[i]?.title,
      ]);
    }
    const third = await main(auth, KLASS, changed, 1, 0, 60, TUNING);
    expect(third.summary).toMatchObject({ unchanged: 250, created: 0, updated: 0, failed: 0 });
  });

  test("duplicates within the input and invalid records are reported by index, with the reason", async () => {
    const { auth, box } = await start();
    box.seed(COLLECTION, [{ title: "Order 9", externalId: "o-9" }]);
    const records = [
      { externalId: "o-1", title: "Order 1" },
      { externalId: "o-1", title: "Order 1 again" }, // the same externalId twice
      { title: "No externalId" },
      { externalId: "o-2", title: 42 }, // not a string
      { externalId: "o-3", tags: ["no spaces first", " bad"] }, // a tag Kustomer refuses
      { externalId: "o-4" }, // new, and a new KObject needs a title
      { externalId: "o-9", description: "no title needed to update" },
      { externalId: "o-5", title: "Order 5" },
    ];
    const result = await main(auth, KLASS, records as never, 1, 0, 60, TUNING);
    expectEachRecordOnce(result, 8);
    expect(result.created.map((entry) => entry.index)).toEqual([0, 7]);
    expect(result.updated.map((entry) => entry.index)).toEqual([6]);
    expect(result.invalid.map((entry) => entry.index)).toEqual([1, 2, 3, 4, 5]);
    const reasons = result.invalid.map((entry) => entry.problems.join("; "));
    expect(reasons[0]).toContain('records[1].externalId "o-1" is also record 0\'s');
    expect(reasons[1]).toContain("records[2].externalId is required");
    expect(reasons[2]).toContain("records[3].title");
    expect(reasons[3]).toContain("records[4].tags[1]");
    expect(reasons[4]).toContain("records[5]");
    expect(reasons[4]).toContain("title");
    expect(byExternalId(box, "o-1").map((r) => r.attributes.title)).toEqual(["Order 1"]);
    expect(byExternalId(box, "o-4")).toEqual([]);
    expect(byExternalId(box, "o-9")[0]?.attributes).toMatchObject({
      title: "Order 9",
      description: "no title needed to update",
    });
  });

  test("a create racing another run: refused as a duplicate, then read and updated", async () => {
    const { auth, box } = await start();
    // Another run creates o-2 after our search and before our bulk create.
    const result = await withFetch(
      async (request, realFetch) => {
        const url = new URL(request.url);
        if (request.method === "POST" && url.pathname === "/v1/klasses/order/bulk") {
          box.seed(COLLECTION, [{ title: "Other run", externalId: "o-2", tags: ["other"] }]);
        }
        return realFetch(request);
      },
      () =>
        main(
          auth,
          KLASS,
          [
            { externalId: "o-1", title: "Order 1" },
            { externalId: "o-2", title: "Order 2" },
          ],
          1,
          0,
          60,
          TUNING,
        ),
    );
    expectEachRecordOnce(result, 2);
    expect(result.created.map((entry) => entry.externalId)).toEqual(["o-1"]);
    expect(result.updated.map((entry) => entry.externalId)).toEqual(["o-2"]);
    // One KObject with o-2: the other run's, with our title and its own tags kept.
    expect(byExternalId(box, "o-2").map((r) => [r.attributes.title, r.attributes.tags])).toEqual([
      ["Order 2", ["other"]],
    ]);
  });

  test("a failure mid-run is accounted for, and a second run repairs it without duplicates", async () => {
    const { auth, box } = await start();
    box.seed(
      COLLECTION,
      Array.from({ length: 50 }, (_, i) => ({ title: `Old ${i}`, externalId: `o-${i}` })),
    );
    const records: Records = Array.from({ length: 150 }, (_, i) => ({
      externalId: `o-${i}`,
      title: `New ${i}`,
    }));
    // Kustomer fails every bulk update of this run (after the shared block's retries).
    const first = await withFetch(
      async (request, realFetch) => {
        const url = new URL(request.url);
        if (request.method === "PUT" && url.pathname === "/v1/klasses/order/bulk") {
          return new Response(JSON.stringify({ errors: [{ status: 503, title: "unavailable" }] }), {
            status: 503,
            headers: { "content-type": "application/json" },
          });
        }
        return realFetch(request);
      },
      () => main(auth, KLASS, records, 1, 0, 60, TUNING),
    );
    expectEachRecordOnce(first, 150);
    expect(first.summary).toMatchObject({ created: 100, updated: 0, failed: 50 });
    expect(first.failed[0]).toMatchObject({ index: 0, externalId: "o-0" });
    expect(first.failed[0]?.message).toContain("run the upsert again");
    const second = await main(auth, KLASS, records, 1, 0, 60, TUNING);
    expect(second.summary).toMatchObject({ created: 0, updated: 50, unchanged: 100, failed: 0 });
    for (let i = 0; i < 150; i++) {
      expect(byExternalId(box, `o-${i}`).map((r) => r.attributes.title)).toEqual([`New ${i}`]);
    }
  });

  test("search refuses the field (400): the rest of the run reads each record directly", async () => {
    const requests: string[] = [];
    const { auth, box } = await start({
      onResponse: ({ method, path }) => requests.push(`${method} ${path}`),
    });
    const seeded = box.seed(
      COLLECTION,
      Array.from({ length: 120 }, (_, i) => ({
        title: `Old ${i}`,
        externalId: `o-${i}`,
        description: `kept ${i}`,
      })),
    );
    const records: Records = Array.from({ length: 180 }, (_, i) => ({
      externalId: `o-${i}`,
      title: i % 3 === 0 ? `New ${i}` : `Old ${i}`,
    }));
    // The script's log goes to the console (a Windmill job's log).
    const log = spyOn(console, "log").mockImplementation(() => {});
    // Search answers as Kustomer answers a criterion it does not know.
    const refuse = async (request: Request, realFetch: typeof fetch) => {
      const body = await searchBody(request);
      if (body?.includes("kobject_order_external_id")) {
        return new Response(
          JSON.stringify({
            errors: [
              {
                status: 400,
                code: "invalid",
                title: "Bad Request",
                detail: '"kobject_order_external_id" is not a searchable field',
                source: { pointer: "/and/0" },
              },
            ],
          }),
          { status: 400, headers: { "content-type": "application/json" } },
        );
      }
      return realFetch(request);
    };
    let first: Result;
    let logged: string[];
    try {
      first = await withFetch(refuse, () => main(auth, KLASS, records, 1, 0, 60, TUNING));
      logged = log.mock.calls.map((call) => String(call[0]));
    } finally {
      log.mockRestore();
    }
    expectEachRecordOnce(first, 180);
    expect(first.summary).toMatchObject({
      lookup: "by-externalId",
      searches: 1, // the refused one; the rest of the run never searches again
      lookups: 180,
      created: 60,
      updated: 40, // o-0, o-3 … o-117: a third of the 120 that exist
      unchanged: 80,
      failed: 0,
      invalid: 0,
    });
    expect(logged.join("\n")).toContain("search refused kobject_order_external_id");
    expect(logged.join("\n")).toContain("one by one by externalId");
    // One GET per record, each a 404 for the new ones; no duplicate, nothing erased.
    expect(requests.filter((r) => r.startsWith("GET /v1/klasses/order/externalId="))).toHaveLength(
      180,
    );
    for (let i = 0; i < 180; i++) {
      const stored = byExternalId(box, `o-${i}`);
      expect(stored.map((r) => r.attributes.title)).toEqual([records[i]?.title]);
      if (i < 120) {
        expect(stored[0]?.id).toBe(seeded[i]);
        expect(stored[0]?.attributes.description).toBe(`kept ${i}`);
      }
    }
    // A second run, still refused: all unchanged.
    const second = await withFetch(refuse, () => main(auth, KLASS, records, 1, 0, 60, TUNING));
    expect(second.summary).toMatchObject({
      lookup: "by-externalId",
      unchanged: 180,
      created: 0,
      updated: 0,
      failed: 0,
    });
  });

  test("search blind to the field (no 400, no match): a direct read shows it, then direct reads", async () => {
    const { auth, box } = await start();
    box.seed(COLLECTION, [
      { title: "Order 1", externalId: "o-1", tags: ["web"] },
      { title: "Order 2", externalId: "o-2" },
    ]);
    // Search accepts the field but matches nothing by it (a field it does not index).
    const blind = async (request: Request, realFetch: typeof fetch) => {
      const body = await searchBody(request);
      if (body !== undefined) {
        return new Response(JSON.stringify({ data: [], meta: { total: 0 }, links: {} }), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      }
      return realFetch(request);
    };
    const log = spyOn(console, "log").mockImplementation(() => {});
    const result = await withFetch(blind, () =>
      main(
        auth,
        KLASS,
        [
          { externalId: "o-1", title: "Order 1, paid" },
          { externalId: "o-2", title: "Order 2" },
          { externalId: "o-3", title: "Order 3" },
        ],
        1,
        0,
        60,
        TUNING,
      ),
    );
    const logged = log.mock.calls.map((call) => String(call[0]));
    log.mockRestore();
    expect(logged.join("\n")).toContain(
      'search by kobject_order_external_id did not find externalId "o-1", which Kustomer has',
    );
    expectEachRecordOnce(result, 3);
    expect(result.summary).toMatchObject({
      lookup: "by-externalId",
      lookups: 3, // the checked record is read once, then kept: one read per record
      created: 1,
      updated: 1,
      unchanged: 1,
      failed: 0,
    });
    for (const externalId of ["o-1", "o-2", "o-3"]) {
      expect(byExternalId(box, externalId)).toHaveLength(1);
    }
    expect(byExternalId(box, "o-1")[0]?.attributes.tags).toEqual(["web"]);
  });

  test("search blind and the check unlucky (its record is new): duplicates refused, read and updated", async () => {
    const { auth, box } = await start();
    const [two] = box.seed(COLLECTION, [
      { title: "Order 2", externalId: "o-2", tags: ["web"] },
      { title: "Order 3", externalId: "o-3" },
    ]) as [string, string];
    const blind = async (request: Request, realFetch: typeof fetch) =>
      (await searchBody(request)) === undefined
        ? realFetch(request)
        : new Response(JSON.stringify({ data: [], meta: { total: 0 }, links: {} }), {
            status: 200,
            headers: { "content-type": "application/json" },
          });
    const result = await withFetch(blind, () =>
      main(
        auth,
        KLASS,
        [
          { externalId: "o-1", title: "Order 1" }, // the one checked: really new
          { externalId: "o-2", title: "Order 2, paid" },
          { externalId: "o-3", title: "Order 3" },
        ],
        1,
        0,
        60,
        TUNING,
      ),
    );
    expectEachRecordOnce(result, 3);
    // Search stayed in use (its miss looked right), so all three went to the bulk create; Kustomer
    // refused o-2 and o-3 as duplicates, which were then read and compared.
    expect(result.summary).toMatchObject({
      lookup: "search",
      created: 1,
      updated: 1,
      unchanged: 1,
      failed: 0,
    });
    expect(result.updated).toEqual([{ index: 1, clientRef: "row-1", externalId: "o-2", id: two }]);
    for (const externalId of ["o-1", "o-2", "o-3"]) {
      expect(byExternalId(box, externalId)).toHaveLength(1);
    }
    expect(byExternalId(box, "o-2")[0]?.attributes).toMatchObject({
      title: "Order 2, paid",
      tags: ["web"],
    });
  });

  test("the deadline: what it leaves is failed as not sent (run it again), nothing half-done", async () => {
    // Every answer takes 1.2 s: the first search ends after the 1 s deadline.
    const { auth, box } = await start({ latencyMs: 1200 });
    box.seed(
      COLLECTION,
      Array.from({ length: 120 }, (_, i) => ({ title: `Old ${i}`, externalId: `o-${i}` })),
    );
    const records: Records = Array.from({ length: 130 }, (_, i) => ({
      externalId: `o-${i}`,
      title: `New ${i}`,
    }));
    const result = await main(auth, KLASS, records, 1, 0, 1, TUNING);
    expectEachRecordOnce(result, 130);
    expect(result.summary).toMatchObject({ searches: 1, failed: 130, bulkOperations: 0 });
    expect(new Set(result.failed.map((entry) => entry.code))).toEqual(new Set(["not_sent"]));
    // The first batch was looked up but not updated; the rest were not looked up.
    expect(result.failed[0]?.message).toContain(
      "not updated: the upsert reached its deadline of 1 s",
    );
    expect(result.failed[129]?.message).toContain("not looked up: the upsert reached its deadline");
    expect(box.records(COLLECTION).map((record) => record.attributes.title)).toEqual(
      Array.from({ length: 120 }, (_, i) => `Old ${i}`),
    );
  }, 30_000);

  test("from a terminal: the summary on stderr, and exit code 3 when a record is invalid", async () => {
    const { box } = await start();
    box.seed(COLLECTION, [{ title: "Order 1", externalId: "cli-1" }]);
    const { stdout, stderr, code } = await runInTerminal(
      [
        "scripts/kobjects/bulk_upsert_kobjects.ts",
        "--klass",
        KLASS,
        "--records",
        '[{"externalId": "cli-1", "title": "Order 1, paid"}, {"externalId": "cli-2", "title": "Order 2"}, {"title": "no id"}]',
      ],
      { KUSTOMER_BASE_URL: box.url, KUSTOMER_API_KEY: box.apiKey },
    );
    expect(code).toBe(3);
    expect(JSON.parse(stdout).summary).toMatchObject({
      records: 3,
      created: 1,
      updated: 1,
      invalid: 1,
      lookup: "search",
    });
    expect(stderr.trim().split("\n").at(-1)).toMatch(
      /^upsert: 3 records: 1 created, 1 updated, 0 unchanged, 0 failed, 1 invalid; 1 searches, 2 bulk operations, \d+ requests \(0 throttled\), [\d.]+ s$/,
    );
    expect(stderr).not.toContain(box.apiKey);
  }, 30_000);

  test("from a terminal, a run that fell back to reads by externalId says so in its summary", async () => {
    const { box } = await start();
    box.seed(COLLECTION, [{ title: "Order 1", externalId: "cli-1" }]);
    // In front of the sandbox: search refuses the field, everything else goes through.
    const front = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      async fetch(request) {
        const url = new URL(request.url);
        if (url.pathname.endsWith("/search")) {
          return Response.json(
            { errors: [{ status: 400, title: "Bad Request", detail: "unknown field" }] },
            { status: 400 },
          );
        }
        return fetch(`${box.url}${url.pathname}${url.search}`, {
          method: request.method,
          headers: request.headers,
          body: request.method === "GET" ? undefined : await request.arrayBuffer(),
        });
      },
    });
    try {
      const { stdout, stderr, code } = await runInTerminal(
        [
          "scripts/kobjects/bulk_upsert_kobjects.ts",
          "--klass",
          KLASS,
          "--records",
          '[{"externalId": "cli-1", "title": "Order 1, paid"}, {"externalId": "cli-2", "title": "Order 2"}]',
        ],
        {
          KUSTOMER_BASE_URL: `http://127.0.0.1:${front.port}`,
          KUSTOMER_API_KEY: box.apiKey,
        },
      );
      expect(code).toBe(0);
      expect(JSON.parse(stdout).summary).toMatchObject({
        created: 1,
        updated: 1,
        lookup: "by-externalId",
        lookups: 2,
      });
      expect(stderr.trim().split("\n").at(-1)).toMatch(
        /^upsert: 2 records: 1 created, 1 updated, 0 unchanged, 0 failed, 0 invalid; 1 searches, 2 reads by externalId \(search could not be used\), 2 bulk operations, \d+ requests \(0 throttled\), [\d.]+ s$/,
      );
    } finally {
      await front.stop(true);
    }
  }, 30_000);

  test("refuses bad input before sending anything", async () => {
    const auth = { apiKey: "key", baseUrl: "http://127.0.0.1:9" };
    await expect(main(auth, "", [])).rejects.toThrow(/klass is required/);
    await expect(main(auth, "orders/../x", [])).rejects.toThrow(/klass is required/);
    await expect(main(auth, KLASS, "nope" as never)).rejects.toThrow(/records must be a list/);
    await expect(main(auth, KLASS, [], 5)).rejects.toThrow(
      /rateShare must be a number from 0.01 to 1/,
    );
    const resource = bulkUpsertFor(" order ");
    expect(resource.create.pathParams).toEqual({ name: "order" });
    expect(resource.create.search).toEqual({
      queryContext: "kobject_order",
      field: "kobject_order_external_id",
    });
    expect(resource.update).toEqual({
      operation: "BulkBatchUpdateKObjects",
      path: "/v1/klasses/{name}/bulk",
    });
  });
});
