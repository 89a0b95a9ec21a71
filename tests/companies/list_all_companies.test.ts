// list_all_companies: the sandbox check every list-all passes (tests/helpers/sync-harness.ts).
import { main } from "../../scripts/companies/list_all_companies.ts";
import { describeListAll } from "../helpers/sync-harness.ts";

describeListAll(
  "list_all_companies",
  (auth, { maxRecords, from }) =>
    main(auth, undefined, undefined, maxRecords, undefined, undefined, from),
  (sandbox, count) =>
    sandbox.seed(
      "companies",
      Array.from({ length: count }, (_, index) => ({ name: `Item ${index}` })),
    ),
);
