// upsert_kobject: the script over the sync block's kustomerUpsert, against the sandbox: created, unchanged
// when run again, updated with only the given fields, a race of two creates, and bad input.
import { expect, test } from "bun:test";
import { BODY_SCHEMAS } from "../../resources/operations.ts";
import { main } from "../../scripts/kobjects/upsert_kobject.ts";
import { readProjectFile } from "../helpers/project.ts";
import { createKlass, describeUpsert } from "../helpers/sync-harness.ts";

test("checks the record with the items of BulkCreateKObjects' body schema", () => {
  const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
    readProjectFile("scripts/kobjects/upsert_kobject.ts"),
  )?.[1];
  expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateKObjects?.items);
});

describeUpsert("upsert_kobject", "kobjects:order", async (sandbox, auth) => {
  await createKlass(sandbox, "order");
  return {
    make: (externalId) => ({ externalId, title: "Order 42", custom: { totalNum: 12 } }),
    change: { title: "Order 42, paid" },
    list: ["tags", ["paid"]],
    run: (record) => main(auth, "order", record as Parameters<typeof main>[2]),
  };
});
