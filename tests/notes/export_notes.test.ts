// export_notes: the checks every export passes (tests/helpers/sync-harness.ts).
import { main } from "../../scripts/notes/export_notes.ts";
import { describeExport, seedRecords } from "../helpers/sync-harness.ts";

describeExport("export_notes", main, (sandbox, count) => {
  const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
  const [conversation] = sandbox.seed("conversations", [{ name: "Order", customer }]);
  return seedRecords(sandbox, "notes", count, (index) => ({
    customer,
    conversation,
    body: `Note ${index}`,
  }));
});
