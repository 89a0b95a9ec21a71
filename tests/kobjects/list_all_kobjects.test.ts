// list_all_kobjects: every page of /v1/klasses/{name} through the sync block's kustomerListAll, against the
// sandbox: all records, stopped early at maxRecords, and resumed from `next`.
import { afterEach, describe, expect, test } from "bun:test";
import type { Sandbox } from "../../sandbox/server.ts";
import { main } from "../../scripts/kobjects/list_all_kobjects.ts";
import { startSyncSandbox } from "../helpers/sync-harness.ts";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe("list_all_kobjects", () => {
  test("reads every page, or stops at maxRecords and goes on from next", async () => {
    const started = startSyncSandbox();
    sandbox = started.sandbox;
    const { auth } = started;
    await fetch(`${sandbox.url}/v1/klasses`, {
      method: "POST",
      headers: { Authorization: `Bearer ${sandbox.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "order" }),
    });
    const ids = sandbox.seed(
      "kobjects:order",
      Array.from({ length: 230 }, (_, index) => ({ title: `Item ${index}` })),
    );
    const all = await main(auth, "order");
    expect(all.complete).toBe(true);
    expect(all.records.map((record) => (record as { id: string }).id).sort()).toEqual(
      [...ids].sort(),
    );
    const part = await main(auth, "order", undefined, 100);
    expect(part.complete).toBe(false);
    const rest = await main(
      auth,
      "order",
      undefined,
      undefined,
      undefined,
      undefined,
      part.next ?? undefined,
    );
    const both = [...part.records, ...rest.records].map((record) => (record as { id: string }).id);
    expect(both.sort()).toEqual([...ids].sort());
  });
});
