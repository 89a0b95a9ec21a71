// What the export, trigger and upsert script tests share: a sandbox on a free port with a fast
// rate window, records seeded straight into it (many sharing one updatedAt), and the checks every
// script of a kind passes (describeExport, describeTrigger, describeUpsert).
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, type SeedCollection, startSandbox } from "../../sandbox/server.ts";
import { seededRandom } from "./import-harness.ts";

export function startSyncSandbox(options: Parameters<typeof startSandbox>[0] = {}): {
  sandbox: Sandbox;
  auth: { apiKey: string; baseUrl: string };
} {
  mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  const sandbox = startSandbox({
    port: 0,
    rateLimit: 100_000,
    rateWindowMs: 1000,
    rateResetUnit: "ms",
    random: seededRandom(3),
    ...options,
  });
  return { sandbox, auth: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } };
}

/** Search pacing out of the way, small pages so that a few records make many pages. */
export const FAST_TUNING = { pageSize: 20, searchesPerWindow: 100_000, windowSeconds: 1 };

/** `count` records of a collection; every fifth shares one updatedAt with four others. */
export function seedRecords(
  sandbox: Sandbox,
  collection: SeedCollection,
  count: number,
  make: (index: number) => { [field: string]: unknown },
  from = Date.parse("2026-02-01T00:00:00.000Z"),
): string[] {
  return sandbox.seed(
    collection,
    Array.from({ length: count }, (_, index) => ({
      ...make(index),
      updatedAt: new Date(from + Math.floor(index / 5) * 3).toISOString(),
    })),
  );
}

/** Creates a klass in the sandbox through its API, as a user would; fails when it is refused. */
export async function createKlass(sandbox: Sandbox, name: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/v1/klasses`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sandbox.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  expect(response.ok).toBe(true);
}

/** A list_all_* step, called with its read-all options (its filters left empty). */
type ListAllRead = (
  auth: { apiKey: string; baseUrl: string },
  options: { maxRecords?: number; from?: string },
) => Promise<{ records: unknown[]; complete: boolean; next: string | null }>;

/**
 * The check every list_all_* step passes against the sandbox (tests/shared/list-all.test.ts checks
 * every one against a stub): 230 records read whole, or stopped at maxRecords and resumed from
 * `next`, each record once. `seed` puts the records (and what they belong to) into the sandbox.
 */
export function describeListAll(
  name: string,
  read: ListAllRead,
  seed: (sandbox: Sandbox, count: number) => Promise<string[]> | string[],
): void {
  describe(name, () => {
    let sandbox: Sandbox | undefined;
    afterEach(async () => {
      await sandbox?.stop();
      sandbox = undefined;
    });

    test("reads every page, or stops at maxRecords and goes on from next", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const ids = await seed(sandbox, 230);
      const idsOf = (records: unknown[]) =>
        records.map((record) => (record as { id: string }).id).sort();
      const all = await read(started.auth, {});
      expect(all.complete).toBe(true);
      expect(idsOf(all.records)).toEqual([...ids].sort());
      const part = await read(started.auth, { maxRecords: 100 });
      expect(part.complete).toBe(false);
      const rest = await read(started.auth, { from: part.next ?? undefined });
      expect(idsOf([...part.records, ...rest.records])).toEqual([...ids].sort());
    });
  });
}

/** An export_* script's main after its leading arguments (a KObject's klass). */
type ExportMain = (
  auth: { apiKey: string; baseUrl: string },
  cursor?: { updatedAt: string; id?: string; until?: string },
  since?: string,
  maxRecords?: number,
  includeDeleted?: boolean,
  lagSeconds?: number,
  deadlineSeconds?: number,
  rateShare?: number,
  outFile?: string,
  tuning?: typeof FAST_TUNING,
) => Promise<{
  records?: { id: string }[];
  done: boolean;
  cursor?: { updatedAt: string; id?: string; until?: string };
  summary: { records: number };
}>;

/**
 * The checks every export script passes against the sandbox (tests/shared/sync.test.ts tests the
 * engine itself): every record once, oldest first, step by step through its cursor; streamed to
 * a JSON Lines file with outFile; a bad since refused before sending. `seed` puts `count` records
 * (and what they belong to) into the sandbox and returns their ids.
 */
export function describeExport(
  name: string,
  main: ExportMain,
  seed: (sandbox: Sandbox, count: number) => Promise<string[]> | string[],
): void {
  describe(name, () => {
    let sandbox: Sandbox | undefined;
    afterEach(async () => {
      await sandbox?.stop();
      sandbox = undefined;
    });

    test("returns every record once, oldest first, step by step through the cursor", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const ids = await seed(sandbox, 130);
      const seen: string[] = [];
      let cursor: { updatedAt: string; id?: string; until?: string } | undefined;
      for (let step = 0; step < 50; step++) {
        const result = await main(
          started.auth,
          cursor,
          undefined,
          45,
          false,
          0,
          60,
          1,
          undefined,
          FAST_TUNING,
        );
        expect(result.records?.length ?? 0).toBeLessThanOrEqual(45 + FAST_TUNING.pageSize);
        seen.push(...(result.records ?? []).map((record) => record.id));
        if (result.done) {
          break;
        }
        cursor = result.cursor;
      }
      expect(seen).toHaveLength(ids.length);
      expect([...seen].sort()).toEqual([...ids].sort());
    });

    test("streams everything to a JSON Lines file with outFile, returning no records", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const ids = await seed(sandbox, 90);
      const folder = mkdtempSync(join(tmpdir(), "kustomer-export-"));
      try {
        const file = join(folder, "out.jsonl");
        const result = await main(
          started.auth,
          undefined,
          "2026-01-01T00:00:00Z",
          undefined,
          false,
          0,
          60,
          1,
          file,
          FAST_TUNING,
        );
        expect(result.records).toBeUndefined();
        expect(result.done).toBe(true);
        expect(result.summary.records).toBe(ids.length);
        const lines = readFileSync(file, "utf8").trim().split("\n");
        expect(lines.map((line) => (JSON.parse(line) as { id: string }).id).sort()).toEqual(
          [...ids].sort(),
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    test("refuses a bad since before sending anything", async () => {
      await expect(
        main({ apiKey: "key", baseUrl: "http://127.0.0.1:9" }, undefined, "last week"),
      ).rejects.toThrow(/since must be an ISO-8601 date-time/);
    });
  });
}

type TriggerMain = (
  auth: { apiKey: string; baseUrl: string },
  since?: string,
  maxRecords?: number,
  lagSeconds?: number,
  deadlineSeconds?: number,
  rateShare?: number,
) => Promise<{ id: string; attributes: { [field: string]: unknown } }[]>;

/**
 * The checks every polling trigger passes, against the sandbox with its state in a scratch
 * folder: the first run starts from now; then, over several runs, every change comes exactly
 * once, oldest first, including changes sharing one updatedAt, more changes than one run returns,
 * and a run that fails half-way.
 */
export function describeTrigger(
  name: string,
  main: TriggerMain,
  settings: { searchesPerWindow: number; windowSeconds: number },
  collection: SeedCollection,
  make: (sandbox: Sandbox, index: number) => { [field: string]: unknown },
): void {
  describe(name, () => {
    let sandbox: Sandbox | undefined;
    let folder = "";
    beforeEach(() => {
      // The sandbox has no search limit of its own here: the script's pacing is set out of the way.
      settings.searchesPerWindow = 100_000;
      settings.windowSeconds = 1;
      folder = mkdtempSync(join(tmpdir(), "kustomer-trigger-"));
      process.env.KUSTOMER_TRIGGER_STATE_DIR = folder;
      delete process.env.WM_STATE_PATH;
      delete process.env.WM_STATE_PATH_NEW;
    });
    afterEach(async () => {
      delete process.env.KUSTOMER_TRIGGER_STATE_DIR;
      rmSync(folder, { recursive: true, force: true });
      await sandbox?.stop();
      sandbox = undefined;
    });

    test("over several runs, returns every change exactly once, oldest first", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const { auth } = started;
      const run = (maxRecords?: number) => main(auth, undefined, maxRecords, 0, 60, 1);
      const old = sandbox.seed(collection, [make(sandbox, 0), make(sandbox, 1)]);
      // First run: starts from now, history is not replayed.
      expect(await run()).toEqual([]);
      expect(readdirSync(folder)).toEqual([`${name}.json`]);
      await Bun.sleep(3);
      const created = sandbox.seed(
        collection,
        Array.from({ length: 40 }, (_, index) => make(sandbox as Sandbox, 10 + index)),
      );
      // 25 changes sharing one updatedAt (a bulk update).
      const tiedAt = new Date(Date.now() + 1).toISOString();
      for (const id of [...created.slice(0, 20), ...old, ...created.slice(30, 33)]) {
        (sandbox as Sandbox).update(collection, id, { updatedAt: tiedAt });
      }
      await Bun.sleep(5);
      const expected = new Set([...created, ...old]);
      const seen: string[] = [];
      // At most 12 a run: the rest come in the next runs, in order.
      const first = await run(12);
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThanOrEqual(12);
      seen.push(...first.map((record) => record.id));
      // A run that fails half-way (the worker dies after its first search) saves nothing.
      const realFetch = globalThis.fetch;
      let calls = 0;
      globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
        calls++;
        if (calls > 1) {
          throw new Error("worker lost");
        }
        return realFetch(input, init);
      }) as typeof fetch;
      try {
        await expect(main(auth, undefined, 12, 0, 1, 1)).rejects.toThrow();
      } finally {
        globalThis.fetch = realFetch;
      }
      for (let runs = 0; runs < 20; runs++) {
        const records = await run(12);
        if (records.length === 0) {
          break;
        }
        const times = records.map((record) => String(record.attributes.updatedAt));
        expect([...times].sort()).toEqual(times);
        seen.push(...records.map((record) => record.id));
      }
      expect(seen).toHaveLength(expected.size);
      expect(new Set(seen)).toEqual(expected);
      // Nothing changed since: nothing again.
      expect(await run()).toEqual([]);
      const later = created[35] as string;
      (sandbox as Sandbox).update(collection, later, {});
      await Bun.sleep(3);
      expect((await run()).map((record) => record.id)).toEqual([later]);
    });

    test("a first run with since starts there instead of now", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const ids = seedRecords(sandbox, collection, 7, (index) => make(sandbox as Sandbox, index));
      const records = await main(started.auth, "2026-01-01T00:00:00Z", undefined, 0, 60, 1);
      expect(records.map((record) => record.id)).toEqual(ids);
      expect(await main(started.auth, "2026-01-01T00:00:00Z", undefined, 0, 60, 1)).toEqual([]);
    });
  });
}

type UpsertResult = { action: string; id: string; record: unknown };

/**
 * The checks every upsert script passes against the sandbox: created, then unchanged when run
 * again, then updated with only the given fields changed, and a race of two creates ending in one
 * record. `setup` prepares what the records need (a customer, a klass) and returns `make`, which
 * gives the record for an externalId, and `run`, which calls the script's main.
 */
export function describeUpsert(
  name: string,
  collection: SeedCollection,
  setup: (
    sandbox: Sandbox,
    auth: { apiKey: string; baseUrl: string },
  ) => Promise<{
    make: (externalId: string) => { [field: string]: unknown };
    change: { [field: string]: unknown };
    run: (record: { [field: string]: unknown }) => Promise<UpsertResult>;
    /** A list field of the record and a value for it: null must empty it. */
    list: [field: string, value: unknown[]];
  }>,
): void {
  describe(name, () => {
    let sandbox: Sandbox | undefined;
    afterEach(async () => {
      await sandbox?.stop();
      sandbox = undefined;
    });

    test("creates, then reports unchanged, then updates only the fields given", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const { make, change, run } = await setup(sandbox, started.auth);
      const record = make("ext-1");
      const created = await run(record);
      expect(created.action).toBe("created");
      const again = await run(record);
      expect(again).toMatchObject({ action: "unchanged", id: created.id });
      const stored = () => sandbox?.records(collection).find((item) => item.id === created.id);
      const before = { ...stored()?.attributes };
      expect(before.updatedAt).toBeDefined();
      const updated = await run({ externalId: "ext-1", ...change });
      expect(updated).toMatchObject({ action: "updated", id: created.id });
      const after = stored()?.attributes ?? {};
      expect(after).toMatchObject(change);
      // Fields not given are kept as they were.
      for (const [field, value] of Object.entries(before)) {
        if (
          !(field in change) &&
          !["updatedAt", "modifiedAt", "rev", "displayName"].includes(field)
        ) {
          expect({ field, value: after[field] }).toEqual({ field, value });
        }
      }
      expect(await run({ externalId: "ext-1", ...change })).toMatchObject({ action: "unchanged" });
      expect(
        sandbox.records(collection).filter((item) => item.attributes.externalId === "ext-1"),
      ).toHaveLength(1);
    });

    test("null on a list field empties it (and leaves the rest); a second run is unchanged", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const { make, run, list } = await setup(sandbox, started.auth);
      const [field, value] = list;
      const created = await run({ ...make("ext-list"), [field]: value });
      const stored = () => sandbox?.records(collection).find((item) => item.id === created.id);
      expect(stored()?.attributes[field]).toEqual(value);
      const name = { ...stored()?.attributes };
      expect(await run({ externalId: "ext-list", [field]: null })).toMatchObject({
        action: "updated",
        id: created.id,
      });
      expect(stored()?.attributes[field]).toEqual([]);
      for (const kept of Object.keys(make("ext-list"))) {
        expect({ kept, value: stored()?.attributes[kept] }).toEqual({ kept, value: name[kept] });
      }
      expect(await run({ externalId: "ext-list", [field]: null })).toMatchObject({
        action: "unchanged",
      });
    });

    test("two runs creating the same record at once end with one record", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const { make, run } = await setup(sandbox, started.auth);
      const results = await Promise.all([run(make("ext-race")), run(make("ext-race"))]);
      expect(results.map((result) => result.action).sort()).toContain("created");
      expect(new Set(results.map((result) => result.id)).size).toBe(1);
      expect(
        sandbox.records(collection).filter((item) => item.attributes.externalId === "ext-race"),
      ).toHaveLength(1);
    });

    test("refuses a record without externalId before sending anything", async () => {
      const started = startSyncSandbox();
      sandbox = started.sandbox;
      const { make, run } = await setup(sandbox, started.auth);
      const { externalId: _dropped, ...record } = make("x");
      const calls: string[] = [];
      const realFetch = globalThis.fetch;
      globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
        calls.push(String(input));
        return realFetch(input, init);
      }) as typeof fetch;
      try {
        await expect(run(record)).rejects.toThrow(/externalId is required/);
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(calls).toEqual([]);
    });
  });
}
