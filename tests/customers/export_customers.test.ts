// export_customers: the checks every export passes (tests/helpers/sync-harness.ts), and the
// deletions it reports with includeDeleted (Kustomer's DELETE marks a customer deleted).
import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sandbox } from "../../sandbox/server.ts";
import { main as deleteCustomer } from "../../scripts/customers/delete_customer.ts";
import { main } from "../../scripts/customers/export_customers.ts";
import { main as getCustomerByExternalId } from "../../scripts/customers/get_customer_by_external_id.ts";
import { main as getCustomers } from "../../scripts/customers/get_customers.ts";
import {
  describeExport,
  FAST_TUNING,
  seedRecords,
  startSyncSandbox,
} from "../helpers/sync-harness.ts";

describeExport("export_customers", main, (sandbox, count) =>
  seedRecords(sandbox, "customers", count, (index) => ({ name: `Customer ${index}` })),
);

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe("export_customers with includeDeleted", () => {
  test("with includeDeleted, reports customers deleted (DELETE) since the cursor, apart from the records", async () => {
    const started = startSyncSandbox();
    sandbox = started.sandbox;
    const { auth } = started;
    const ids = sandbox.seed(
      "customers",
      ["Ada", "Grace", "Edsger", "Barbara"].map((name, index) => ({
        name,
        externalId: `crm-${index}`,
      })),
    );
    await Bun.sleep(3); // lagSeconds 0: the export ends at "now", which must be after the writes
    const first = await main(
      auth,
      undefined,
      undefined,
      undefined,
      true,
      0,
      60,
      1,
      undefined,
      FAST_TUNING,
    );
    expect(first.done).toBe(true);
    expect(first.records?.map((record) => record.id).sort()).toEqual([...ids].sort());
    expect(first.deleted).toEqual([]);
    await Bun.sleep(5);

    // Kustomer's DELETE marks the customer deleted: gone from reads and lists, still in search
    // with includeDeleted, with an updatedAt after the cursor.
    const [ada, grace, edsger, barbara] = ids as [string, string, string, string];
    expect(await deleteCustomer(auth, grace)).toBeNull();
    expect(await deleteCustomer(auth, barbara)).toBeNull();
    sandbox.update("customers", edsger, { name: "Edsger W. Dijkstra" });
    await expect(getCustomerByExternalId(auth, "crm-1")).rejects.toMatchObject({ status: 404 });
    const listed = (await getCustomers(auth, 1, 100)) as { data: { id: string }[] };
    expect(listed.data.map((record) => record.id).sort()).toEqual([ada, edsger].sort());
    await Bun.sleep(5);

    const second = await main(
      auth,
      first.cursor,
      undefined,
      undefined,
      true,
      0,
      60,
      1,
      undefined,
      FAST_TUNING,
    );
    expect(second.done).toBe(true);
    expect(second.records?.map((record) => record.id)).toEqual([edsger]);
    expect(second.deleted.map((item) => item.id).sort()).toEqual([grace, barbara].sort());
    expect(second.summary).toMatchObject({ records: 1, deleted: 2 });
    for (const item of second.deleted) {
      expect(Date.parse(item.updatedAt)).toBeGreaterThan(Date.parse(first.cursor.updatedAt));
    }

    // Without includeDeleted the deletions are not searched at all: only the change comes.
    const without = await main(
      auth,
      first.cursor,
      undefined,
      undefined,
      false,
      0,
      60,
      1,
      undefined,
      FAST_TUNING,
    );
    expect(without.records?.map((record) => record.id)).toEqual([edsger]);
    expect(without.deleted).toEqual([]);

    // From a terminal (outFile) the deletions are still reported, and not written as records.
    const folder = mkdtempSync(join(tmpdir(), "kustomer-export-"));
    try {
      const file = join(folder, "out.jsonl");
      const streamed = await main(
        auth,
        first.cursor,
        undefined,
        undefined,
        true,
        0,
        60,
        1,
        file,
        FAST_TUNING,
      );
      expect(streamed.deleted.map((item) => item.id).sort()).toEqual([grace, barbara].sort());
      const lines = readFileSync(file, "utf8").trim().split("\n");
      expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([edsger]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    // A deleted customer's externalId is free again: the CRM may create the customer anew.
    const again = await fetch(`${auth.baseUrl}/v1/customers`, {
      method: "POST",
      headers: { authorization: `Bearer ${auth.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Grace", externalId: "crm-1" }),
    });
    expect(again.status).toBe(201);
  });
});
