// Outbound webhooks (developer.kustomer.com/docs/events/outbound-webhooks): stored like any record;
// sandbox/webhooks.ts delivers events to them. The token is the HMAC key of each delivery's
// X-Kustomer-Webhook-Signature; Kustomer returns it on create, on list and on get.
import { randomBytes } from "node:crypto";
import { type HandlerTable, objectBody, param } from "../context.ts";
import { badRequest } from "../errors.ts";
import { newObjectId } from "../ids.ts";
import { requireRecord } from "../records.ts";
import { render, single } from "../resources.ts";
import { OUTBOUND_WEBHOOK_EVENTS, OUTBOUND_WEBHOOKS, WEBHOOK_TRANSACTIONS } from "../webhooks.ts";
import { listReply } from "./lists.ts";

/** "At most 5 user-created webhooks per org" (beyond-core/README.md, outbound-webhook docs). */
export const MAX_OUTBOUND_WEBHOOKS = 5;

export const outboundWebhookHandlers: HandlerTable = {
  CreateOutboundWebhook: (context) => {
    const body = objectBody(context);
    if (context.store.list(OUTBOUND_WEBHOOKS.collection).length >= MAX_OUTBOUND_WEBHOOKS) {
      throw badRequest(
        `the org already has ${MAX_OUTBOUND_WEBHOOKS} outbound webhooks, the most Kustomer allows: delete one first`,
      );
    }
    const now = new Date().toISOString();
    const doc = {
      id: newObjectId(),
      attributes: {
        name: body.name,
        url: body.url,
        events: body.events,
        headers: Array.isArray(body.headers) ? body.headers : [],
        enabled: body.enabled !== false,
        isError: false,
        token: randomBytes(32).toString("hex"),
        createdAt: now,
        modifiedAt: now,
        updatedAt: now,
      },
      rel: {},
    };
    context.store.put(OUTBOUND_WEBHOOKS.collection, doc);
    return { body: single(OUTBOUND_WEBHOOKS, doc) };
  },

  ListOutboundWebhooks: (context) =>
    listReply(context, OUTBOUND_WEBHOOKS, context.store.list(OUTBOUND_WEBHOOKS.collection)),

  GetOutboundWebhook: (context) => ({
    body: single(
      OUTBOUND_WEBHOOKS,
      requireRecord(context.store, OUTBOUND_WEBHOOKS, param(context, "id")),
    ),
  }),

  DeleteOutboundWebhook: (context) => {
    const doc = requireRecord(context.store, OUTBOUND_WEBHOOKS, param(context, "id"));
    context.store.remove(OUTBOUND_WEBHOOKS.collection, doc.id);
    return { status: 204 };
  },

  ListSubscribableEvents: () => ({ body: { events: OUTBOUND_WEBHOOK_EVENTS } }),

  ListOutboundWebhookTransactions: (context) => {
    // Newest first, as a delivery log is read.
    const docs = [...context.store.list(WEBHOOK_TRANSACTIONS.collection)].reverse();
    return { body: { data: docs.map((doc) => render(WEBHOOK_TRANSACTIONS, doc)) } };
  },
};
