// trigger_conversations: a polling trigger over the sync engine; the checks every trigger passes are
// in tests/helpers/sync-harness.ts (several runs, ties, more than a run returns, a run failing
// half-way).
import type { Sandbox } from "../../sandbox/server.ts";
import { kustomerSyncSettings, main } from "../../scripts/triggers/trigger_conversations.ts";
import { describeTrigger } from "../helpers/sync-harness.ts";

const customers = new WeakMap<Sandbox, string>();

describeTrigger(
  "trigger_conversations",
  main,
  kustomerSyncSettings,
  "conversations",
  (sandbox, index) => {
    let customer = customers.get(sandbox);
    if (customer === undefined) {
      customer = sandbox.seed("customers", [{ name: "Ada" }])[0] as string;
      customers.set(sandbox, customer);
    }
    return { name: `Conversation ${index}`, customer };
  },
);
