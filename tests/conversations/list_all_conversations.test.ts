// list_all_conversations: every page of /v1/conversations through the sync block's kustomerListAll, against the
// sandbox: all records, stopped early at maxRecords, and resumed from `next`.
import { afterEach, describe, expect, test } from "bun:test";
import type { Sandbox } from "../../sandbox/server.ts";
import { main } from "../../scripts/conversations/list_all_conversations.ts";
import { startSyncSandbox } from "../helpers/sync-harness.ts";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe("list_all_conversations", () => {
  test("reads every page, or stops at maxRecords and goes on from next", async () => {
    const started = startSyncSandbox();
    sandbox = started.sandbox;
    const { auth } = started;
    const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
    const ids = sandbox.seed(
      "conversations",
      Array.from({ length: 230 }, (_, index) => ({ name: `Item ${index}`, customer })),
    );
    const all = await main(auth);
    expect(all.complete).toBe(true);
    expect(all.records.map((record) => (record as { id: string }).id).sort()).toEqual(
      [...ids].sort(),
    );
    const part = await main(auth, undefined, 100);
    expect(part.complete).toBe(false);
    const rest = await main(
      auth,
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
