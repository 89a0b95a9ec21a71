// Messages. A message belongs to a conversation and its customer; sent with only a customer,
// Kustomer starts a new conversation for it, and the sandbox does the same.
import { type HandlerTable, isTrue, objectBody, param } from "../context.ts";
import { badRequest } from "../errors.ts";
import {
  createRecord,
  findByExternalId,
  liveRecord,
  requireRecord,
  updateRecord,
} from "../records.ts";
import { CONVERSATIONS, CUSTOMERS, MESSAGES, single } from "../resources.ts";
import type { Doc, Json, Store } from "../store.ts";
import { listReply } from "./lists.ts";

export const messageHandlers: HandlerTable = {
  CreateMessage: (context) => ({
    body: single(MESSAGES, createMessage(context.store, objectBody(context), {})),
  }),

  GetMessage: (context) => ({
    body: single(MESSAGES, requireRecord(context.store, MESSAGES, param(context, "id"))),
  }),

  GetMessages: (context) => listReply(context, MESSAGES, context.store.list(MESSAGES.collection)),

  GetMessageByExternalID: (context) => ({
    body: single(MESSAGES, findByExternalId(context.store, MESSAGES, param(context, "externalId"))),
  }),

  UpdateMessage: (context) => {
    const doc = requireRecord(context.store, MESSAGES, param(context, "id"));
    const replace = isTrue(context.query, "replace");
    return {
      body: single(MESSAGES, updateMessage(context.store, doc, objectBody(context), replace)),
    };
  },

  UpdateMessageAttributes: (context) => {
    const doc = requireRecord(context.store, MESSAGES, param(context, "id"));
    return {
      body: single(MESSAGES, updateMessage(context.store, doc, objectBody(context), false)),
    };
  },
};

/** `fixed` holds the parent named by the path (/customers/{id}/messages, /conversations/{id}/messages). */
export function createMessage(
  store: Store,
  body: Json,
  fixed: { customer?: string; conversation?: string },
): Doc {
  const conversationId = fixed.conversation ?? optionalId(body, "conversation");
  const customerId = fixed.customer ?? optionalId(body, "customer");
  const conversation = conversationId
    ? existingConversation(store, conversationId, customerId)
    : startConversation(store, customerId, body);
  const customer = conversation.rel.customer ?? customerId;
  const { customer: _customer, conversation: _conversation, ...fields } = body;
  const rel: { [name: string]: string } = { conversation: conversation.id };
  if (customer) {
    rel.customer = customer;
  }
  const message = createRecord(store, MESSAGES, fields, rel);
  countOn(store, conversation, "messageCount");
  return message;
}

function updateMessage(store: Store, doc: Doc, body: Json, replace: boolean): Doc {
  // Moving a message to another customer or conversation is not something the sandbox models.
  const { customer: _customer, conversation: _conversation, ...fields } = body;
  return updateRecord(store, MESSAGES, doc, fields, { replace });
}

function existingConversation(store: Store, id: string, customerId: string | undefined): Doc {
  const conversation = store.get(CONVERSATIONS.collection, id);
  if (!conversation) {
    throw badRequest(
      `/conversation must be the id of an existing conversation (got "${id}")`,
      "/conversation",
    );
  }
  if (customerId && conversation.rel.customer && conversation.rel.customer !== customerId) {
    throw badRequest(
      `conversation ${id} belongs to customer ${conversation.rel.customer}, not ${customerId}`,
      "/customer",
    );
  }
  return conversation;
}

function startConversation(store: Store, customerId: string | undefined, body: Json): Doc {
  if (!customerId) {
    throw badRequest(
      "a message needs a customer or a conversation: send customer or conversation",
      "/customer",
    );
  }
  if (!liveRecord(store, CUSTOMERS, customerId)) {
    throw badRequest(
      `/customer must be the id of an existing customer (got "${customerId}")`,
      "/customer",
    );
  }
  const fields: Json = {};
  if (body.direction !== undefined) {
    fields.direction = body.direction;
  }
  return createRecord(store, CONVERSATIONS, fields, { customer: customerId });
}

export function countOn(store: Store, doc: Doc, counter: string): void {
  const current =
    typeof doc.attributes[counter] === "number" ? (doc.attributes[counter] as number) : 0;
  store.put(CONVERSATIONS.collection, {
    ...doc,
    attributes: { ...doc.attributes, [counter]: current + 1, updatedAt: new Date().toISOString() },
  });
}

function optionalId(body: Json, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== "string") {
    throw badRequest(`/${field} must be an id string`, `/${field}`);
  }
  return value;
}
