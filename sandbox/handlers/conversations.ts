// Conversations, their tags, and the messages and notes posted in them.
import { type Context, type HandlerTable, isTrue, objectBody, param } from "../context.ts";
import { badRequest } from "../errors.ts";
import { createRecord, findByExternalId, requireRecord, updateRecord } from "../records.ts";
import { CONVERSATIONS, MESSAGES, NOTES, single } from "../resources.ts";
import type { Store } from "../store.ts";
import { listReply, relatedTo } from "./lists.ts";
import { createMessage } from "./messages.ts";
import { createNote } from "./notes.ts";

export const conversationHandlers: HandlerTable = {
  CreateConversation: (context) => {
    const body = objectBody(context);
    if (body.customer === undefined || body.customer === null) {
      throw badRequest(
        "/customer is required: the id of the customer the conversation is with",
        "/customer",
      );
    }
    return { body: single(CONVERSATIONS, createRecord(context.store, CONVERSATIONS, body)) };
  },

  GetConversation: (context) => ({
    body: single(CONVERSATIONS, requireRecord(context.store, CONVERSATIONS, param(context, "id"))),
  }),

  GetConversations: (context) =>
    listReply(context, CONVERSATIONS, context.store.list(CONVERSATIONS.collection)),

  GetConversationByExternalId: (context) => ({
    body: single(
      CONVERSATIONS,
      findByExternalId(context.store, CONVERSATIONS, param(context, "externalId")),
    ),
  }),

  UpdateConversation: (context) => {
    const doc = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
    const replace = isTrue(context.query, "replace");
    const updated = updateRecord(context.store, CONVERSATIONS, doc, objectBody(context), {
      replace,
    });
    return { body: single(CONVERSATIONS, updated) };
  },

  UpdateConversationAttributes: (context) => {
    const doc = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
    return {
      body: single(
        CONVERSATIONS,
        updateRecord(context.store, CONVERSATIONS, doc, objectBody(context)),
      ),
    };
  },

  DeleteConversation: (context) => {
    const doc = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
    deleteConversation(context.store, doc.id);
    return { status: 204 };
  },

  AppendTagsToConversation: (context) =>
    changeTags(context, (tags, sent) => [...new Set([...tags, ...sent])]),

  RemoveTagsFromConversation: (context) =>
    changeTags(context, (tags, sent) => tags.filter((tag) => !sent.includes(tag))),

  CreateMessageFromConversation: (context) => {
    const conversation = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
    const doc = createMessage(context.store, objectBody(context), {
      conversation: conversation.id,
    });
    return { body: single(MESSAGES, doc) };
  },

  GetMessagesByConversation: (context) => {
    const conversation = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
    const messages = relatedTo(
      context.store.list(MESSAGES.collection),
      "conversation",
      conversation.id,
    );
    return listReply(context, MESSAGES, messages);
  },

  CreateNoteWithinConversation: (context) => {
    const conversation = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
    const doc = createNote(context.store, objectBody(context), conversation.id);
    return { body: single(NOTES, doc) };
  },

  GetNotesByConversation: (context) => {
    const conversation = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
    return listReply(
      context,
      NOTES,
      relatedTo(context.store.list(NOTES.collection), "conversation", conversation.id),
    );
  },
};

/** POST and DELETE /v1/conversations/{id}/tags take a JSON array of tag ids. */
function changeTags(context: Context, change: (tags: string[], sent: string[]) => string[]) {
  const doc = requireRecord(context.store, CONVERSATIONS, param(context, "id"));
  const sent = context.body;
  if (!Array.isArray(sent) || !sent.every((tag) => typeof tag === "string")) {
    throw badRequest("the body must be a JSON array of tag ids", "");
  }
  const current = Array.isArray(doc.attributes.tags) ? (doc.attributes.tags as string[]) : [];
  const updated = updateRecord(context.store, CONVERSATIONS, doc, { tags: change(current, sent) });
  return { body: single(CONVERSATIONS, updated) };
}

function deleteConversation(store: Store, id: string): void {
  for (const kind of [MESSAGES, NOTES]) {
    for (const doc of relatedTo(store.list(kind.collection), "conversation", id)) {
      store.remove(kind.collection, doc.id);
    }
  }
  store.remove(CONVERSATIONS.collection, id);
}
