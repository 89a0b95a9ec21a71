// export_companies: the checks every export passes (tests/helpers/sync-harness.ts).
import { main } from "../../scripts/companies/export_companies.ts";
import { describeExport, seedRecords } from "../helpers/sync-harness.ts";

describeExport("export_companies", main, (sandbox, count) =>
  seedRecords(sandbox, "companies", count, (index) => ({ name: `Company ${index}` })),
);
