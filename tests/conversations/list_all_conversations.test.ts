// list_all_conversations: the sandbox check every list-all passes (tests/helpers/sync-harness.ts).
import { main } from "../../scripts/conversations/list_all_conversations.ts";
import { describeListAll } from "../helpers/sync-harness.ts";

describeListAll(
  "list_all_conversations",
  (auth, { maxRecords, from }) => main(auth, undefined, maxRecords, undefined, undefined, from),
  (sandbox, count) => {
    const [customer] = sandbox.seed("customers", [{ name: "Ada" }]);
    return sandbox.seed(
      "conversations",
      Array.from({ length: count }, (_, index) => ({ name: `Item ${index}`, customer })),
    );
  },
);
