// export_notes: the script over the sync engine (tests/shared/sync.test.ts tests the
// engine itself): every record once, oldest first, step by step through its cursor, and streamed
// to a JSON Lines file from a terminal.
import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sandbox } from "../../sandbox/server.ts";
import { main } from "../../scripts/notes/export_notes.ts";
import { FAST_TUNING, seedRecords, startSyncSandbox } from "../helpers/sync-harness.ts";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe("export_notes", () => {
  test("returns every record once, oldest first, step by step through the cursor", async () => {
    const started = startSyncSandbox();
    sandbox = started.sandbox;
    const { auth } = started;
    const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
    const [conversation] = sandbox.seed("conversations", [{ name: "Order", customer }]);
    const ids = seedRecords(sandbox, "notes", 130, (index) => ({
      customer,
      conversation,
      body: `Note ${index}`,
    }));
    const seen: string[] = [];
    let cursor: { updatedAt: string; id?: string; until?: string } | undefined;
    for (let step = 0; step < 50; step++) {
      const result = await main(
        auth,
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
    const { auth } = started;
    const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
    const [conversation] = sandbox.seed("conversations", [{ name: "Order", customer }]);
    const ids = seedRecords(sandbox, "notes", 90, (index) => ({
      customer,
      conversation,
      body: `Note ${index}`,
    }));
    const folder = mkdtempSync(join(tmpdir(), "kustomer-export-"));
    try {
      const file = join(folder, "out.jsonl");
      const result = await main(
        auth,
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
