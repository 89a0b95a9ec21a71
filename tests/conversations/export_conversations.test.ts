// export_conversations: the checks every export passes (tests/helpers/sync-harness.ts).
import { main } from "../../scripts/conversations/export_conversations.ts";
import { describeExport, seedRecords } from "../helpers/sync-harness.ts";

describeExport("export_conversations", main, (sandbox, count) => {
  const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
  return seedRecords(sandbox, "conversations", count, (index) => ({
    name: `Conversation ${index}`,
    customer,
  }));
});
