// list_all_customers: the sandbox check every list-all passes (tests/helpers/sync-harness.ts).
import { main } from "../../scripts/customers/list_all_customers.ts";
import { describeListAll } from "../helpers/sync-harness.ts";

describeListAll(
  "list_all_customers",
  (auth, { maxRecords, from }) => main(auth, maxRecords, undefined, undefined, from),
  (sandbox, count) =>
    sandbox.seed(
      "customers",
      Array.from({ length: count }, (_, index) => ({ name: `Item ${index}` })),
    ),
);
