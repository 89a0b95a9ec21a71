// upsert_company: the script over the sync block's kustomerUpsert, against the sandbox: created, unchanged
// when run again, updated with only the given fields, a race of two creates, and bad input.
import { expect, test } from "bun:test";
import { BODY_SCHEMAS } from "../../resources/operations.ts";
import { main } from "../../scripts/companies/upsert_company.ts";
import { readProjectFile } from "../helpers/project.ts";
import { describeUpsert } from "../helpers/sync-harness.ts";

test("checks the record with the items of BulkCreateCompanies' body schema", () => {
  const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
    readProjectFile("scripts/companies/upsert_company.ts"),
  )?.[1];
  expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateCompanies?.items);
});

describeUpsert("upsert_company", "companies", async (_sandbox, auth) => {
  return {
    make: (externalId) => ({ externalId, name: "Acme", employeeCount: 12 }),
    change: { name: "Acme Corporation" },
    list: ["tags", ["enterprise"]],
    run: (record) => main(auth, record as Parameters<typeof main>[1]),
  };
});
