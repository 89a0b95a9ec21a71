// bulk_upsert_companies against the sandbox: one search for the lookups, the new company created
// in bulk, the changed one updated in bulk with only the fields given, the same one left alone;
// a second run all unchanged. tests/customers/bulk_upsert_customers.test.ts covers the engine's
// races, failures and invalid records.
import { afterEach, describe, expect, mock, test } from "bun:test";
import type { Sandbox } from "../../sandbox/server.ts";
import { BULK_UPSERT, main } from "../../scripts/companies/bulk_upsert_companies.ts";
import { FAST, startImportSandbox } from "../helpers/import-harness.ts";

const TUNING = { ...FAST, searchesPerWindow: 100_000, windowSeconds: 1 };

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe("bulk_upsert_companies", () => {
  test("created, updated (given fields only) and unchanged; a second run all unchanged", async () => {
    mock.restore(); // the real fetch: the sandbox on 127.0.0.1
    const requests: string[] = [];
    const started = startImportSandbox({
      uniqueExternalIds: true,
      onResponse: ({ method, path }) => requests.push(`${method} ${path}`),
    });
    sandbox = started.sandbox;
    const [acme] = sandbox.seed("companies", [
      { name: "Acme", externalId: "acct-1", domains: ["acme.test"] },
      { name: "Globex", externalId: "acct-2" },
    ]) as [string, string];
    const records = [
      { externalId: "acct-1", name: "Acme Inc." },
      { externalId: "acct-2", name: "Globex" },
      { externalId: "acct-3", name: "Initech" },
    ];
    const result = await main(started.auth, records, 1, 0, 60, TUNING);
    expect(result.summary).toMatchObject({
      records: 3,
      created: 1,
      updated: 1,
      unchanged: 1,
      failed: 0,
      invalid: 0,
      searches: 1,
    });
    expect(result.updated).toEqual([
      { index: 0, clientRef: "row-0", externalId: "acct-1", id: acme },
    ]);
    const stored = sandbox.records("companies").find((record) => record.id === acme);
    expect(stored?.attributes).toMatchObject({ name: "Acme Inc.", domains: ["acme.test"] });
    expect(requests.filter((request) => request.startsWith("PUT /v1/companies/bulk"))).toHaveLength(
      1,
    );
    const again = await main(started.auth, records, 1, 0, 60, TUNING);
    expect(again.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
      bulkOperations: 0,
    });
    expect(BULK_UPSERT.update.operation).toBe("BulkBatchUpdateCompanies");
  });
});
