// Notes: internal comments, usually on a conversation (whose customer they then belong to too).
import { type HandlerTable, isTrue, objectBody, param } from "../context.ts";
import { badRequest } from "../errors.ts";
import { createRecord, requireRecord, updateRecord } from "../records.ts";
import { CONVERSATIONS, NOTES, single } from "../resources.ts";
import type { Doc, Json, Store } from "../store.ts";
import { listReply } from "./lists.ts";
import { countOn } from "./messages.ts";

export const noteHandlers: HandlerTable = {
  CreateNote: (context) => ({
    body: single(NOTES, createNote(context.store, objectBody(context))),
  }),

  GetNoteById: (context) => ({
    body: single(NOTES, requireRecord(context.store, NOTES, param(context, "id"))),
  }),

  GetNotesForOrg: (context) => listReply(context, NOTES, context.store.list(NOTES.collection)),

  UpdateNoteById: (context) => {
    const doc = requireRecord(context.store, NOTES, param(context, "id"));
    const replace = isTrue(context.query, "replace");
    return {
      body: single(
        NOTES,
        updateRecord(context.store, NOTES, doc, withoutParents(objectBody(context)), { replace }),
      ),
    };
  },

  PatchNoteById: (context) => {
    const doc = requireRecord(context.store, NOTES, param(context, "id"));
    return {
      body: single(
        NOTES,
        updateRecord(context.store, NOTES, doc, withoutParents(objectBody(context))),
      ),
    };
  },

  DeleteNoteById: (context) => {
    const doc = requireRecord(context.store, NOTES, param(context, "id"));
    context.store.remove(NOTES.collection, doc.id);
    return { status: 204 };
  },
};

/** `conversationId` comes from the path, or (bulk) from the item's conversation field. */
export function createNote(store: Store, body: Json, conversationId?: string): Doc {
  const { conversation: sentConversation, customer: _customer, ...fields } = body;
  const id = conversationId ?? sentConversation;
  if (id === undefined || id === null) {
    return createRecord(store, NOTES, fields);
  }
  const conversation = typeof id === "string" ? store.get(CONVERSATIONS.collection, id) : undefined;
  if (!conversation) {
    throw badRequest(
      `/conversation must be the id of an existing conversation (got ${JSON.stringify(id)})`,
      "/conversation",
    );
  }
  const rel: { [name: string]: string } = { conversation: conversation.id };
  if (conversation.rel.customer) {
    rel.customer = conversation.rel.customer;
  }
  const note = createRecord(store, NOTES, fields, rel);
  countOn(store, conversation, "noteCount");
  return note;
}

function withoutParents(body: Json): Json {
  const { conversation: _conversation, customer: _customer, ...fields } = body;
  return fields;
}
