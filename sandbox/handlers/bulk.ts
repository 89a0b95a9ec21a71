// Bulk submissions (POST / PUT / DELETE .../bulk), the per-item work each one does, and the
// job status routes GET /v1/bulk/{id} and /v1/bulk/{id}/batches.
import type { BulkAction } from "../bulk.ts";
import { type Context, type HandlerTable, param, type Reply } from "../context.ts";
import { badParameter, badRequest, notFound } from "../errors.ts";
import { paginate, readPage } from "../pagination.ts";
import { createRecord, requireRecord, updateRecord } from "../records.ts";
import {
  BULK_BATCHES,
  BULKS,
  COMPANIES,
  CONVERSATIONS,
  CUSTOMERS,
  type Kind,
  MESSAGES,
  NOTES,
  render,
  single,
} from "../resources.ts";
import type { Json, Store } from "../store.ts";
import { BULK_LIMIT } from "../validation.ts";
import { deleteCustomer } from "./customers.ts";
import { klassKind } from "./klasses.ts";
import { createMessage } from "./messages.ts";
import { createNote } from "./notes.ts";

const create =
  (kind: Kind): BulkAction =>
  (store, item) =>
    createRecord(store, kind, item).id;

const update =
  (kindOf: (store: Store, params: { [name: string]: string }) => Kind): BulkAction =>
  (store, item, params) => {
    const kind = kindOf(store, params);
    const { customer: _customer, conversation: _conversation, ...fields } = item;
    const changes = kind === CONVERSATIONS ? item : fields;
    return updateRecord(store, kind, requireRecord(store, kind, itemId(item)), changes).id;
  };

const fixed = (kind: Kind) => () => kind;
const kobjects = (store: Store, params: { [name: string]: string }) =>
  klassKind(store, params.name ?? "");

export const BULK_ACTIONS: { [operationId: string]: BulkAction } = {
  BulkCreateCustomers: create(CUSTOMERS),
  BulkBatchUpdateCustomers: update(fixed(CUSTOMERS)),
  BulkDeleteCustomers: (store, item) => {
    const doc = requireRecord(store, CUSTOMERS, itemId(item));
    deleteCustomer(store, doc);
    return doc.id;
  },
  BulkCreateCompanies: create(COMPANIES),
  BulkBatchUpdateCompanies: update(fixed(COMPANIES)),
  BulkCreateConversations: (store, item) => {
    if (item.customer === undefined || item.customer === null) {
      throw badRequest("/customer is required", "/customer");
    }
    return createRecord(store, CONVERSATIONS, item).id;
  },
  BulkBatchUpdateConversations: update(fixed(CONVERSATIONS)),
  BulkCreateMessages: (store, item) => createMessage(store, item, {}).id,
  BulkBatchUpdateMessages: update(fixed(MESSAGES)),
  BulkCreateNotes: (store, item) => createNote(store, item).id,
  BulkBatchUpdateNotes: update(fixed(NOTES)),
  BulkCreateKObjects: (store, item, params) =>
    createRecord(store, kobjects(store, params), item).id,
  BulkBatchUpdateKObjects: update(kobjects),
  BulkDeleteKObjects: (store, item, params) => {
    const kind = kobjects(store, params);
    const id = requireRecord(store, kind, itemId(item)).id;
    store.remove(kind.collection, id);
    return id;
  },
};

function itemId(item: Json): string {
  if (typeof item.id !== "string" || item.id === "") {
    throw badRequest("/id is required: the id of the record to change", "/id");
  }
  return item.id;
}

/** Any bulk submission: checks the request as a whole, queues the job, answers 201 at once. */
function submitBulk(context: Context): Reply {
  if (context.operation.path.startsWith("/v1/klasses/")) {
    klassKind(context.store, param(context, "name"));
  }
  const job = context.bulk.submit(context.operation, context.params, bulkItems(context));
  // The bulk guide documents 201 for every bulk submission (the spec lists 200 for a few).
  return { status: 201, body: single(BULKS, job) };
}

/** DELETE takes ?ids=a,b; PUT with ?ids applies its one item to each listed record. */
function bulkItems(context: Context): unknown[] {
  const ids = (context.query.get("ids") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (ids.length > BULK_LIMIT) {
    throw badParameter(
      "ids",
      `ids lists ${ids.length} ids; Kustomer takes at most ${BULK_LIMIT} per bulk request`,
    );
  }
  if (context.operation.method === "DELETE") {
    if (ids.length === 0) {
      throw badParameter("ids", "ids is required: a comma-separated list of the ids to delete");
    }
    return ids.map((id) => ({ id }));
  }
  const items = Array.isArray(context.body) ? context.body : [];
  if (ids.length === 0) {
    return items;
  }
  const [changes, ...others] = items;
  if (others.length > 0 || changes === null || typeof changes !== "object") {
    throw badRequest(
      "with ?ids, send exactly one item: the changes to apply to every listed record",
      "",
    );
  }
  return ids.map((id) => ({ ...(changes as Json), id }));
}

export const bulkHandlers: HandlerTable = {
  ...Object.fromEntries(Object.keys(BULK_ACTIONS).map((operationId) => [operationId, submitBulk])),

  GetBulkOperationById: (context) => ({
    body: single(BULKS, requireBulk(context)),
  }),

  GetBulkOperationBatches: (context) => {
    const job = requireBulk(context);
    const kind: Kind = { ...BULK_BATCHES, selfBase: `/v1/bulk/${job.id}/batches` };
    const page = paginate(
      context.bulk.batchesOf(job.id),
      readPage(context.query),
      context.pathname,
      context.query,
    );
    return { body: { ...page, data: page.data.map((batch) => render(kind, batch)) } };
  },
};

function requireBulk(context: Context) {
  const job = context.store.get(BULKS.collection, param(context, "id"));
  if (!job) {
    throw notFound(`bulk operation ${param(context, "id")} not found`);
  }
  return job;
}
