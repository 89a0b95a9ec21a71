// trigger_messages: a polling trigger over the sync engine; the checks every trigger passes are in
// tests/helpers/sync-harness.ts (several runs, ties, more than a run returns, a run failing half-way).
import type { Sandbox } from "../../sandbox/server.ts";
import { kustomerSyncSettings, main } from "../../scripts/triggers/trigger_messages.ts";
import { describeTrigger } from "../helpers/sync-harness.ts";

const parents = new WeakMap<Sandbox, { customer: string; conversation: string }>();

describeTrigger("trigger_messages", main, kustomerSyncSettings, "messages", (sandbox, index) => {
  let parent = parents.get(sandbox);
  if (parent === undefined) {
    const customer = sandbox.seed("customers", [{ name: "Ada" }])[0] as string;
    const conversation = sandbox.seed("conversations", [{ name: "Order", customer }])[0] as string;
    parent = { customer, conversation };
    parents.set(sandbox, parent);
  }
  return { ...parent, channel: "email", direction: "in", preview: `Message ${index}` };
});
