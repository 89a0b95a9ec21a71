// upsert_customer: the script over the sync block's kustomerUpsert, against the sandbox: created, unchanged
// when run again, updated with only the given fields, a race of two creates, and bad input.
import { expect, test } from "bun:test";
import { BODY_SCHEMAS } from "../../resources/operations.ts";
import { main } from "../../scripts/customers/upsert_customer.ts";
import { readProjectFile } from "../helpers/project.ts";
import { describeUpsert } from "../helpers/sync-harness.ts";

test("checks the record with the items of BulkCreateCustomers' body schema", () => {
  const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
    readProjectFile("scripts/customers/upsert_customer.ts"),
  )?.[1];
  expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateCustomers?.items);
});

describeUpsert("upsert_customer", "customers", async (_sandbox, auth) => {
  return {
    make: (externalId) => ({
      externalId,
      name: "Ada",
      company: "Analytical Engines",
      custom: { tierStr: "gold" },
    }),
    change: { name: "Ada Lovelace", custom: { tierStr: "platinum" } },
    list: ["tags", ["vip", "imported"]],
    run: (record) => main(auth, record as Parameters<typeof main>[1]),
  };
});
