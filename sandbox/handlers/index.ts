// Every modelled operation's handler, by operationId. Operations in operations.ts that are not
// here answer 501.
import type { HandlerTable } from "../context.ts";
import { beyondCoreHandlers } from "./beyond-core.ts";
import { bulkHandlers } from "./bulk.ts";
import { companyHandlers } from "./companies.ts";
import { conversationHandlers } from "./conversations.ts";
import { customerHandlers } from "./customers.ts";
import { klassHandlers } from "./klasses.ts";
import { messageHandlers } from "./messages.ts";
import { noteHandlers } from "./notes.ts";
import { outboundWebhookHandlers } from "./outbound_webhooks.ts";
import { searchHandlers } from "./search.ts";

export const HANDLERS: HandlerTable = {
  ...customerHandlers,
  ...companyHandlers,
  ...conversationHandlers,
  ...messageHandlers,
  ...noteHandlers,
  ...klassHandlers,
  ...searchHandlers,
  ...bulkHandlers,
  ...beyondCoreHandlers,
  ...outboundWebhookHandlers,
};
