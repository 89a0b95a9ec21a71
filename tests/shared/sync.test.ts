// The sync engine of resources/sync.ts against the sandbox: exports that page by moving the query
// (never past the 100-page cap), records sharing one updatedAt (more than a page of them), steps
// of maxRecords chained by their cursor, failures half-way, records changed while an export
// runs, deletions, and reading every page of a list.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { type KustomerCursor, kustomerExport, kustomerListAll } from "../../resources/sync.ts";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { seededRandom } from "../helpers/import-harness.ts";

const CUSTOMERS = { name: "customers", queryContext: "customer" };

let sandbox: Sandbox | undefined;
beforeEach(() => {
  mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
});
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

function start(options: Parameters<typeof startSandbox>[0] = {}) {
  sandbox = startSandbox({
    port: 0,
    rateLimit: 100_000,
    rateWindowMs: 1000,
    rateResetUnit: "ms",
    random: seededRandom(11),
    ...options,
  });
  return { sandbox, auth: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } };
}

/** Fast pacing: the search limit is raised out of the way (it has its own test). */
const TUNING = { searchesPerWindow: 100_000, windowSeconds: 1 };

/** `count` customers with updatedAt spread over a day, plus `tied` sharing one instant. */
function seedCustomers(
  target: Sandbox,
  count: number,
  tied = 0,
  tiedAt = "2026-03-01T12:00:00.000Z",
) {
  const base = Date.parse("2026-03-01T00:00:00.000Z");
  const spread = Array.from({ length: count }, (_, index) => ({
    name: `Spread ${index}`,
    // Groups of 3 share a millisecond too.
    updatedAt: new Date(base + Math.floor(index / 3) * 7).toISOString(),
  }));
  const tiedRecords = Array.from({ length: tied }, (_, index) => ({
    name: `Tied ${index}`,
    updatedAt: tiedAt,
  }));
  return target.seed("customers", [...spread, ...tiedRecords]);
}

type Step = Awaited<ReturnType<typeof kustomerExport>>;

/** Runs an export step by step until done; returns every step. */
async function exportAll(
  auth: { apiKey: string; baseUrl: string },
  args: Parameters<typeof kustomerExport>[2],
  between?: (step: Step, index: number) => void | Promise<void>,
): Promise<Step[]> {
  const steps: Step[] = [];
  let cursor = args.cursor as KustomerCursor | undefined;
  for (let index = 0; index < 500; index++) {
    const step = await kustomerExport(auth, CUSTOMERS, { ...args, cursor });
    steps.push(step);
    if (step.done) {
      return steps;
    }
    cursor = step.cursor;
    await between?.(step, index);
  }
  throw new Error("the export never finished");
}

function keys(steps: Step[]): { u: string; id: string }[] {
  return steps.flatMap((step) =>
    step.records.map((record) => ({ u: String(record.attributes.updatedAt), id: record.id })),
  );
}

function expectOrdered(items: { u: string; id: string }[]): void {
  for (let index = 1; index < items.length; index++) {
    const before = items[index - 1] as { u: string; id: string };
    const after = items[index] as { u: string; id: string };
    expect(before.u < after.u || (before.u === after.u && before.id < after.id)).toBe(true);
  }
}

describe("kustomerExport", () => {
  test("returns every record once, oldest first, across steps, ties and a tie larger than a page", async () => {
    const { sandbox, auth } = start();
    const ids = seedCustomers(sandbox, 900, 260);
    const steps = await exportAll(auth, {
      lagSeconds: 0,
      maxRecords: 137,
      tuning: { ...TUNING, pageSize: 50 },
    });
    const seen = keys(steps);
    expect(seen).toHaveLength(ids.length);
    expect(new Set(seen.map((item) => item.id)).size).toBe(ids.length);
    expectOrdered(seen);
    expect(steps.length).toBeGreaterThan(5);
    // Every search asked for page 1: paging moves the query, so the page cap is never near.
    expect(steps.every((step) => step.summary.searches > 0)).toBe(true);
  });

  test("goes far past 100 pages of results without hitting the search page cap", async () => {
    const { sandbox, auth } = start();
    const ids = seedCustomers(sandbox, 1100);
    // 1,100 records at 10 a page: 110 pages, past the cap that answers page 101 with a 400.
    const [step] = await exportAll(auth, {
      lagSeconds: 0,
      maxRecords: 5000,
      tuning: { ...TUNING, pageSize: 10 },
    });
    expect(step?.records).toHaveLength(ids.length);
    expect(step?.done).toBe(true);
    const capped = await fetch(`${sandbox.url}/v1/customers/search?page=101&pageSize=10`, {
      method: "POST",
      headers: { Authorization: `Bearer ${sandbox.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ queryContext: "customer" }),
    });
    expect(capped.status).toBe(400);
    expect(JSON.stringify(await capped.json())).toContain("page 100");
  });

  test("the next export starts where the last ended: nothing again, then only what changed", async () => {
    const { sandbox, auth } = start();
    const ids = seedCustomers(sandbox, 120, 30);
    const first = await exportAll(auth, { lagSeconds: 0, tuning: { ...TUNING, pageSize: 25 } });
    const cursor = first.at(-1)?.cursor;
    expect(cursor?.until).toBeUndefined();
    const again = await kustomerExport(auth, CUSTOMERS, { cursor, lagSeconds: 0, tuning: TUNING });
    expect(again.records).toEqual([]);
    await Bun.sleep(5);
    const changed = [ids[3], ids[140], ids[77]] as string[];
    for (const id of changed) {
      sandbox.update("customers", id, { name: "changed" });
    }
    await Bun.sleep(5);
    const next = await kustomerExport(auth, CUSTOMERS, {
      cursor: again.cursor,
      lagSeconds: 0,
      tuning: TUNING,
    });
    expect(next.records.map((record) => record.id).sort()).toEqual([...changed].sort());
    expect(next.done).toBe(true);
  });

  test("records changed while an export runs are in this export or the next, never lost, never twice in one", async () => {
    const { sandbox, auth } = start();
    const ids = seedCustomers(sandbox, 600, 120);
    const random = seededRandom(5);
    const touched = new Set<string>();
    const steps = await exportAll(
      auth,
      { lagSeconds: 0, maxRecords: 60, tuning: { ...TUNING, pageSize: 30 } },
      () => {
        // Between steps another client edits records: some already exported, some not yet.
        for (let count = 0; count < 15; count++) {
          const id = ids[Math.floor(random() * ids.length)] as string;
          sandbox.update("customers", id, { name: `edited ${count}` });
          touched.add(id);
        }
      },
    );
    const seen = keys(steps);
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
    const next = await kustomerExport(auth, CUSTOMERS, {
      cursor: steps.at(-1)?.cursor,
      lagSeconds: 0,
      maxRecords: 100_000,
      tuning: TUNING,
    });
    const union = new Set([
      ...seen.map((item) => item.id),
      ...next.records.map((record) => record.id),
    ]);
    expect(ids.filter((id) => !union.has(id))).toEqual([]);
    // What the next export brings is exactly what was edited after the first one read it.
    for (const record of next.records) {
      expect(touched.has(record.id)).toBe(true);
    }
  });

  test("survives 500s half-way (a search only reads, so it is tried again)", async () => {
    const { sandbox, auth } = start({ failRate: 0.2 });
    const ids = seedCustomers(sandbox, 300, 80);
    const steps = await exportAll(auth, {
      lagSeconds: 0,
      maxRecords: 70,
      tuning: { ...TUNING, pageSize: 20 },
    });
    const seen = keys(steps);
    expect(seen).toHaveLength(ids.length);
    expect(new Set(seen.map((item) => item.id)).size).toBe(ids.length);
  });

  test("a step that fails is run again from the same cursor, with nothing lost or repeated", async () => {
    const { sandbox, auth } = start();
    const ids = seedCustomers(sandbox, 200, 60);
    const args = { lagSeconds: 0, maxRecords: 45, tuning: { ...TUNING, pageSize: 15 } };
    const first = await kustomerExport(auth, CUSTOMERS, args);
    // The second step dies after its second search (a worker lost, a key revoked...).
    const realFetch = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      calls++;
      if (calls > 2) {
        throw new Error("worker lost");
      }
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      await expect(
        kustomerExport(auth, CUSTOMERS, { ...args, cursor: first.cursor, deadlineSeconds: 1 }),
      ).rejects.toThrow();
    } finally {
      globalThis.fetch = realFetch;
    }
    const rest = await exportAll(auth, { ...args, cursor: first.cursor });
    const seen = keys([first, ...rest]);
    expect(seen).toHaveLength(ids.length);
    expect(new Set(seen.map((item) => item.id)).size).toBe(ids.length);
  });

  test("with includeDeleted, reports records deleted since the cursor apart", async () => {
    const { sandbox, auth } = start();
    const ids = sandbox.seed("companies", [
      { name: "Acme" },
      { name: "Globex" },
      { name: "Initech" },
    ]);
    const source = { name: "companies", queryContext: "company" };
    await Bun.sleep(3); // lagSeconds 0: the export ends at "now", which must be after the writes
    const first = await kustomerExport(auth, source, { lagSeconds: 0, tuning: TUNING });
    expect(first.records).toHaveLength(3);
    await Bun.sleep(5);
    sandbox.update("companies", ids[1] as string, { deleted: true });
    await Bun.sleep(5);
    const withDeleted = await kustomerExport(auth, source, {
      cursor: first.cursor,
      lagSeconds: 0,
      includeDeleted: true,
      tuning: TUNING,
    });
    expect(withDeleted.records).toEqual([]);
    expect(withDeleted.deleted.map((item) => item.id)).toEqual([ids[1] as string]);
    const without = await kustomerExport(auth, source, {
      cursor: first.cursor,
      lagSeconds: 0,
      tuning: TUNING,
    });
    expect(without.records).toEqual([]);
    expect(without.deleted).toEqual([]);
  });

  test("keeps to the search limit: no more than its share of searches in a window", async () => {
    const { sandbox, auth } = start();
    seedCustomers(sandbox, 200);
    const started = Date.now();
    const result = await kustomerExport(auth, CUSTOMERS, {
      lagSeconds: 0,
      rateShare: 1,
      tuning: { pageSize: 20, searchesPerWindow: 5, windowSeconds: 0.2 },
    });
    expect(result.records).toHaveLength(200);
    // At least 10 searches (20 a page); at 5 per 0.2 s, n searches take (n / 5 - 1) × 0.2 s.
    const searches = result.summary.searches;
    expect(searches).toBeGreaterThanOrEqual(10);
    expect(Date.now() - started).toBeGreaterThanOrEqual((Math.ceil(searches / 5) - 1) * 200 - 20);
  });

  test("refuses bad input before sending anything", async () => {
    const auth = { apiKey: "key", baseUrl: "http://127.0.0.1:9" };
    await expect(kustomerExport(auth, CUSTOMERS, { since: "yesterday" })).rejects.toThrow(
      /since must be an ISO-8601 date-time/,
    );
    await expect(
      kustomerExport(auth, CUSTOMERS, {
        since: "2026-01-01T00:00:00Z",
        cursor: { updatedAt: "2026-01-01T00:00:00Z" },
      }),
    ).rejects.toThrow(/either cursor .* or since/);
    await expect(kustomerExport(auth, CUSTOMERS, { cursor: { id: "x" } })).rejects.toThrow(
      /cursor must be the cursor a previous export returned/,
    );
    await expect(kustomerExport(auth, CUSTOMERS, { maxRecords: 0 })).rejects.toThrow(
      /maxRecords must be/,
    );
    await expect(kustomerExport({ apiKey: "" }, CUSTOMERS, {})).rejects.toThrow(/apiKey is empty/);
  });
});

describe("kustomerListAll", () => {
  test("follows links.next with the largest page size, and resumes from `next`", async () => {
    const { sandbox, auth } = start();
    sandbox.seed(
      "customers",
      Array.from({ length: 250 }, (_, index) => ({ name: `List ${index}` })),
    );
    const source = { operation: "GetCustomers", path: "/v1/customers", maxPageSize: 100 };
    const all = await kustomerListAll(auth, source, {});
    expect(all.records).toHaveLength(250);
    expect(all.complete).toBe(true);
    expect(all.summary.pages).toBe(3);
    const part = await kustomerListAll(auth, source, { maxRecords: 100 });
    expect(part.records).toHaveLength(100);
    expect(part.complete).toBe(false);
    expect(part.next).toContain("page=2");
    const rest = await kustomerListAll(auth, source, { from: part.next });
    expect(rest.records).toHaveLength(150);
    const ids = new Set(
      [...part.records, ...rest.records].map((record) => (record as { id: string }).id),
    );
    expect(ids.size).toBe(250);
  });
});
