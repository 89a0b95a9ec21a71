// Customers: CRUD, lookups by email / phone / externalId, lists, and the records that hang off a
// customer (conversations, messages, notes).
import { type HandlerTable, isTrue, objectBody, param } from "../context.ts";
import { notFound } from "../errors.ts";
import {
  createRecord,
  findByExternalId,
  requireRecord,
  softDeleteRecord,
  updateRecord,
  visible,
} from "../records.ts";
import { CONVERSATIONS, CUSTOMERS, MESSAGES, NOTES, single } from "../resources.ts";
import { type Doc, normalizePhone, type Store } from "../store.ts";
import { listReply, relatedTo, updatedSince } from "./lists.ts";
import { createMessage } from "./messages.ts";

export const customerHandlers: HandlerTable = {
  CreateCustomer: (context) => ({
    body: single(CUSTOMERS, createRecord(context.store, CUSTOMERS, objectBody(context))),
  }),

  GetCustomerById: (context) => ({
    body: single(CUSTOMERS, requireRecord(context.store, CUSTOMERS, param(context, "id"))),
  }),

  GetCustomers: (context) =>
    listReply(context, CUSTOMERS, visible(context.store.list(CUSTOMERS.collection)), true),

  UpdateCustomer: (context) => {
    const doc = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    const replace = isTrue(context.query, "replace");
    return {
      body: single(
        CUSTOMERS,
        updateRecord(context.store, CUSTOMERS, doc, objectBody(context), { replace }),
      ),
    };
  },

  UpdateCustomerAttributes: (context) => {
    const doc = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    return {
      body: single(CUSTOMERS, updateRecord(context.store, CUSTOMERS, doc, objectBody(context))),
    };
  },

  DeleteCustomer: (context) => {
    const doc = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    deleteCustomer(context.store, doc);
    return { status: 204 };
  },

  GetCustomerByEmail: (context) => {
    const email = param(context, "email").trim().toLowerCase();
    const doc = visible(context.store.findBy("email", CUSTOMERS.collection, email))[0];
    return {
      body: single(CUSTOMERS, doc ?? missing(`no customer has email "${param(context, "email")}"`)),
    };
  },

  GetCustomerByPhone: (context) => {
    const phone = normalizePhone(param(context, "phone"));
    const doc = visible(context.store.findBy("phone", CUSTOMERS.collection, phone))[0];
    return {
      body: single(CUSTOMERS, doc ?? missing(`no customer has phone "${param(context, "phone")}"`)),
    };
  },

  GetCustomerByExternalId: (context) => ({
    body: single(
      CUSTOMERS,
      findByExternalId(context.store, CUSTOMERS, param(context, "externalId")),
    ),
  }),

  GetConversationsByCustomer: (context) => {
    const customer = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    const conversations = relatedTo(
      context.store.list(CONVERSATIONS.collection),
      "customer",
      customer.id,
    );
    return listReply(context, CONVERSATIONS, updatedSince(context, conversations));
  },

  CreateConversationForCustomer: (context) => {
    const customer = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    const doc = createRecord(context.store, CONVERSATIONS, objectBody(context), {
      customer: customer.id,
    });
    return { body: single(CONVERSATIONS, doc) };
  },

  CreateMessageByCustomer: (context) => {
    const customer = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    const doc = createMessage(context.store, objectBody(context), { customer: customer.id });
    return { body: single(MESSAGES, doc) };
  },

  GetMessagesByCustomer: (context) => {
    const customer = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    return listReply(
      context,
      MESSAGES,
      relatedTo(context.store.list(MESSAGES.collection), "customer", customer.id),
    );
  },

  GetNotesByCustomer: (context) => {
    const customer = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    return listReply(
      context,
      NOTES,
      relatedTo(context.store.list(NOTES.collection), "customer", customer.id),
    );
  },
};

/**
 * Deleting a customer marks it deleted (see Kind.softDelete: search with includeDeleted still
 * finds it) and removes their conversations, messages and notes.
 */
export function deleteCustomer(store: Store, doc: Doc): void {
  for (const kind of [MESSAGES, NOTES, CONVERSATIONS]) {
    for (const related of relatedTo(store.list(kind.collection), "customer", doc.id)) {
      store.remove(kind.collection, related.id);
    }
  }
  softDeleteRecord(store, CUSTOMERS, doc);
}

function missing(detail: string): Doc {
  throw notFound(detail);
}
