// trigger_companies: a polling trigger over the sync engine; the checks every trigger passes are in
// tests/helpers/sync-harness.ts (several runs, ties, more than a run returns, a run failing half-way).
import { kustomerSyncSettings, main } from "../../scripts/triggers/trigger_companies.ts";
import { describeTrigger } from "../helpers/sync-harness.ts";

describeTrigger(
  "trigger_companies",
  main,
  kustomerSyncSettings,
  "companies",
  (_sandbox, index) => ({
    name: `Company ${index}`,
  }),
);
