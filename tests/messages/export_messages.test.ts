// export_messages: the checks every export passes (tests/helpers/sync-harness.ts).
import { main } from "../../scripts/messages/export_messages.ts";
import { describeExport, seedRecords } from "../helpers/sync-harness.ts";

describeExport("export_messages", main, (sandbox, count) => {
  const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
  const [conversation] = sandbox.seed("conversations", [{ name: "Order", customer }]);
  return seedRecords(sandbox, "messages", count, (index) => ({
    customer,
    conversation,
    channel: "email",
    direction: "in",
    preview: `Message ${index}`,
  }));
});
