// list_all_kobjects: the sandbox check every list-all passes (tests/helpers/sync-harness.ts), for
// the klass "order".
import { main } from "../../scripts/kobjects/list_all_kobjects.ts";
import { createKlass, describeListAll } from "../helpers/sync-harness.ts";

describeListAll(
  "list_all_kobjects",
  (auth, { maxRecords, from }) =>
    main(auth, "order", undefined, maxRecords, undefined, undefined, from),
  async (sandbox, count) => {
    await createKlass(sandbox, "order");
    return sandbox.seed(
      "kobjects:order",
      Array.from({ length: count }, (_, index) => ({ title: `Item ${index}` })),
    );
  },
);
