// bulk_upsert_customers against the sandbox: lookups batched through search (one search per 100
// records), new ones created in bulk, changed ones updated in bulk with only the fields given,
// unchanged ones not sent; a second run all unchanged; duplicates and invalid records reported by
// index; a create racing another run read and updated; failures mid-run accounted for and repaired
// by a second run. The engine is resources/sync.ts (kustomerBulkUpsert) on the import block.
import { afterEach, describe, expect, mock, test } from "bun:test";
import type { Sandbox } from "../../sandbox/server.ts";
import { BULK_UPSERT, main } from "../../scripts/customers/bulk_upsert_customers.ts";
import { expectEachRecordOnce, FAST, startImportSandbox } from "../helpers/import-harness.ts";

const TUNING = { ...FAST, searchesPerWindow: 100_000, windowSeconds: 1 };

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

type Result = Awaited<ReturnType<typeof main>>;

function start(options: Parameters<typeof startImportSandbox>[0] = {}) {
  mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  const started = startImportSandbox({ uniqueExternalIds: true, ...options });
  sandbox = started.sandbox;
  return started;
}

function byExternalId(box: Sandbox, externalId: string) {
  return box.records("customers").filter((record) => record.attributes.externalId === externalId);
}

describe("bulk_upsert_customers", () => {
  test("mixed existing and new: created, updated (only the fields given), unchanged not sent", async () => {
    const requests: string[] = [];
    const { auth } = start({
      onResponse: ({ method, path }) => requests.push(`${method} ${path}`),
    });
    const box = sandbox as Sandbox;
    const [ada, grace] = box.seed("customers", [
      { name: "Ada", externalId: "crm-1", emails: [{ email: "ada@example.com" }] },
      { name: "Grace", externalId: "crm-2", custom: { tierStr: "gold", seatsNum: 3 } },
      { name: "Edsger", externalId: "crm-3" },
    ]) as [string, string, string];
    const records = [
      { externalId: "crm-1", name: "Ada Lovelace" }, // changed: name only
      { externalId: "crm-new-1", name: "Barbara" }, // new
      { externalId: "crm-3", name: "Edsger" }, // already so: not sent
      { externalId: "crm-2", custom: { tierStr: "platinum" } }, // one custom attribute
      { externalId: "crm-new-2", name: "Alan", emails: [{ email: "alan@example.com" }] },
    ];
    const result = await main(auth, records, 1, 0, 60, TUNING);
    expectEachRecordOnce(result, 5);
    expect(result.summary).toMatchObject({
      created: 2,
      updated: 2,
      unchanged: 1,
      failed: 0,
      invalid: 0,
      searches: 1,
    });
    expect(result.created.map((entry) => entry.externalId)).toEqual(["crm-new-1", "crm-new-2"]);
    expect(result.updated.map((entry) => [entry.index, entry.id])).toEqual([
      [0, ada],
      [3, grace],
    ]);
    expect(result.unchanged.map((entry) => entry.externalId)).toEqual(["crm-3"]);
    // Nothing erased: Ada keeps her email, Grace her other custom attribute.
    const adaNow = box.records("customers").find((record) => record.id === ada);
    expect(adaNow?.attributes).toMatchObject({
      name: "Ada Lovelace",
      emails: [{ email: "ada@example.com" }],
    });
    const graceNow = box.records("customers").find((record) => record.id === grace);
    expect(graceNow?.attributes.custom).toEqual({ tierStr: "platinum", seatsNum: 3 });
    // One search for the five lookups, one bulk create, one bulk update: no request per record.
    expect(requests.filter((r) => r.startsWith("POST /v1/customers/search?"))).toHaveLength(1);
    expect(requests.filter((r) => r === "POST /v1/customers/bulk")).toHaveLength(1);
    expect(requests.filter((r) => r === "PUT /v1/customers/bulk")).toHaveLength(1);
    expect(requests.filter((r) => r.startsWith("GET /v1/customers/"))).toHaveLength(0);

    // The same upsert again changes nothing and sends no write.
    requests.length = 0;
    const again = await main(auth, records, 1, 0, 60, TUNING);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 5, failed: 0 });
    expect(again.summary.bulkOperations).toBe(0);
    expect(requests.filter((r) => !r.startsWith("POST /v1/customers/search"))).toEqual([]);
  });

  test("many records: one search per 100, each record stored once, a second run all unchanged", async () => {
    const { auth } = start();
    const box = sandbox as Sandbox;
    box.seed(
      "customers",
      Array.from({ length: 120 }, (_, i) => ({ name: `Old ${i}`, externalId: `crm-${i}` })),
    );
    const records = Array.from({ length: 250 }, (_, i) => ({
      externalId: `crm-${i}`,
      name: i % 2 === 0 ? `New ${i}` : `Old ${i}`,
    }));
    const result = await main(auth, records, 1, 0, 60, TUNING);
    expectEachRecordOnce(result, 250);
    expect(result.summary).toMatchObject({
      created: 130,
      updated: 60,
      unchanged: 60,
      failed: 0,
      searches: 3,
    });
    for (let i = 0; i < 250; i++) {
      expect(byExternalId(box, `crm-${i}`).map((r) => r.attributes.name)).toEqual([
        records[i]?.name,
      ]);
    }
    const again = await main(auth, records, 1, 0, 60, TUNING);
    expect(again.summary).toMatchObject({ unchanged: 250, created: 0, updated: 0, failed: 0 });
  });

  test("duplicates within the input and invalid records are reported by index, with the reason", async () => {
    const { auth } = start();
    const records = [
      { externalId: "crm-1", name: "Ada" },
      { externalId: "crm-1", name: "Ada again" }, // the same externalId twice
      { name: "No externalId" },
      { externalId: "crm-2", name: 42 }, // not a string
      { externalId: "crm-3", emails: [{ kind: "home" }] }, // an email without its address
      { externalId: "crm-4", name: "Grace" },
    ];
    const result = await main(auth, records as never, 1, 0, 60, TUNING);
    expectEachRecordOnce(result, 6);
    expect(result.created.map((entry) => entry.index)).toEqual([0, 5]);
    expect(result.invalid.map((entry) => entry.index)).toEqual([1, 2, 3, 4]);
    const reasons = result.invalid.map((entry) => entry.problems.join("; "));
    expect(reasons[0]).toContain('records[1].externalId "crm-1" is also record 0\'s');
    expect(reasons[1]).toContain("records[2].externalId is required");
    expect(reasons[2]).toContain("records[3].name");
    expect(reasons[3]).toContain("records[4].emails[0]");
    expect(byExternalId(sandbox as Sandbox, "crm-1").map((r) => r.attributes.name)).toEqual([
      "Ada",
    ]);
  });

  test("a create racing another run: refused as a duplicate, then read and updated", async () => {
    const started = start();
    const box = sandbox as Sandbox;
    const realFetch = globalThis.fetch;
    // Another run creates crm-2 after our search and before our bulk create.
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const request =
        input instanceof Request ? new Request(input, init) : new Request(String(input), init);
      if (request.method === "POST" && new URL(request.url).pathname === "/v1/customers/bulk") {
        box.seed("customers", [{ name: "Other run", externalId: "crm-2", phones: [] }]);
      }
      return realFetch(request);
    }) as typeof fetch;
    let result: Result;
    try {
      result = await main(
        started.auth,
        [
          { externalId: "crm-1", name: "Ada" },
          { externalId: "crm-2", name: "Grace" },
        ],
        1,
        0,
        60,
        TUNING,
      );
    } finally {
      globalThis.fetch = realFetch;
    }
    expectEachRecordOnce(result, 2);
    expect(result.created.map((entry) => entry.externalId)).toEqual(["crm-1"]);
    expect(result.updated.map((entry) => entry.externalId)).toEqual(["crm-2"]);
    expect(byExternalId(box, "crm-2").map((r) => r.attributes.name)).toEqual(["Grace"]);
  });

  test("failures mid-run are accounted for, and a second run repairs them without duplicates", async () => {
    const started = start();
    const box = sandbox as Sandbox;
    box.seed(
      "customers",
      Array.from({ length: 50 }, (_, i) => ({ name: `Old ${i}`, externalId: `crm-${i}` })),
    );
    const records = Array.from({ length: 150 }, (_, i) => ({
      externalId: `crm-${i}`,
      name: `New ${i}`,
    }));
    const realFetch = globalThis.fetch;
    // Kustomer fails every bulk update of this run (after the shared block's retries).
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const request =
        input instanceof Request ? new Request(input, init) : new Request(String(input), init);
      if (request.method === "PUT" && new URL(request.url).pathname === "/v1/customers/bulk") {
        return new Response(JSON.stringify({ errors: [{ status: 503, title: "unavailable" }] }), {
          status: 503,
          headers: { "content-type": "application/json" },
        });
      }
      return realFetch(request);
    }) as typeof fetch;
    let first: Result;
    try {
      first = await main(started.auth, records, 1, 0, 60, TUNING);
    } finally {
      globalThis.fetch = realFetch;
    }
    expectEachRecordOnce(first, 150);
    expect(first.summary).toMatchObject({ created: 100, updated: 0, failed: 50 });
    expect(first.failed[0]).toMatchObject({ index: 0, externalId: "crm-0" });
    expect(first.failed[0]?.message).toContain("run the upsert again");
    const second = await main(started.auth, records, 1, 0, 60, TUNING);
    expect(second.summary).toMatchObject({ created: 0, updated: 50, unchanged: 100, failed: 0 });
    for (let i = 0; i < 150; i++) {
      expect(byExternalId(box, `crm-${i}`).map((r) => r.attributes.name)).toEqual([`New ${i}`]);
    }
  });

  test("refuses bad input before sending anything", async () => {
    await expect(
      main({ apiKey: "key", baseUrl: "http://127.0.0.1:9" }, "nope" as never),
    ).rejects.toThrow(/records must be a list/);
    await expect(main({ apiKey: "key", baseUrl: "http://127.0.0.1:9" }, [], 5)).rejects.toThrow(
      /rateShare must be a number from 0.01 to 1/,
    );
    expect(BULK_UPSERT.update).toEqual({
      operation: "BulkBatchUpdateCustomers",
      path: "/v1/customers/bulk",
    });
  });
});
