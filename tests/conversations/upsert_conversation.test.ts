// upsert_conversation: the script over the sync block's kustomerUpsert, against the sandbox: created, unchanged
// when run again, updated with only the given fields, a race of two creates, and bad input.
import { expect, test } from "bun:test";
import { BODY_SCHEMAS } from "../../resources/operations.ts";
import { main } from "../../scripts/conversations/upsert_conversation.ts";
import { readProjectFile } from "../helpers/project.ts";
import { describeUpsert } from "../helpers/sync-harness.ts";

test("checks the record with the items of BulkCreateConversations' body schema", () => {
  const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
    readProjectFile("scripts/conversations/upsert_conversation.ts"),
  )?.[1];
  expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateConversations?.items);
});

describeUpsert("upsert_conversation", "conversations", async (sandbox, auth) => {
  const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
  return {
    make: (externalId) => ({ externalId, customer, name: "Order 42", priority: 2 }),
    change: { name: "Order 42 (refund)" },
    list: ["tags", ["5f1c6a3e9d1b2c0011a0b0c1"]],
    run: (record) => main(auth, record as Parameters<typeof main>[1]),
  };
});
