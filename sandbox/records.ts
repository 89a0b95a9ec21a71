// Creating, updating and finding records the way Kustomer does: server-assigned ObjectIds,
// createdAt/updatedAt/modifiedAt, a rev that grows on every write (and, when a client sends it,
// must match: optimistic locking answers 409), references shown as relationships, custom
// attributes merged key by key, and externalId unique per kind (unless the store allows duplicates).
import { badRequest, conflict, notFound } from "./errors.ts";
import { isObjectId, newObjectId } from "./ids.ts";
import { COMPANIES, CONVERSATIONS, CUSTOMERS, type Kind } from "./resources.ts";
import type { Doc, Json, Store } from "./store.ts";

/** Fields that steer a write but are not stored as attributes. */
const CONTROL_FIELDS = new Set(["id", "rev", "_clientRef"]);

const RELATION_KINDS: { [field: string]: Kind } = {
  customer: CUSTOMERS,
  conversation: CONVERSATIONS,
  company: COMPANIES,
};

export function requireRecord(store: Store, kind: Kind, id: string): Doc {
  const doc = liveRecord(store, kind, id);
  if (!doc) {
    throw notFound(`${kind.type} ${id} not found`);
  }
  return doc;
}

/** The record with this id, unless there is none or it is soft-deleted (see Kind.softDelete). */
export function liveRecord(store: Store, kind: Kind, id: string): Doc | undefined {
  const doc = store.get(kind.collection, id);
  return doc && !(kind.softDelete && doc.attributes.deleted === true) ? doc : undefined;
}

/**
 * What DELETE does to a kind with softDelete: the record stays, flagged deleted with the time,
 * and its updatedAt moves so that an export since an earlier cursor sees the deletion. Quiet:
 * Kustomer sends no webhook for a deletion.
 */
export function softDeleteRecord(store: Store, kind: Kind, doc: Doc): Doc {
  const now = new Date().toISOString();
  const currentRev = typeof doc.attributes.rev === "number" ? doc.attributes.rev : 1;
  const deleted: Doc = {
    ...doc,
    attributes: {
      ...doc.attributes,
      deleted: true,
      deletedAt: now,
      updatedAt: now,
      modifiedAt: now,
      rev: currentRev + 1,
    },
  };
  store.put(kind.collection, deleted, { quiet: true });
  return deleted;
}

/** The records of a softDelete kind that are not deleted; any other kind's records as they are. */
export function live(kind: Kind, docs: Doc[]): Doc[] {
  return kind.softDelete ? visible(docs) : docs;
}

/** Records a list shows: Kustomer hides records flagged deleted (e.g. companies, which have no DELETE). */
export function visible(docs: Doc[]): Doc[] {
  return docs.filter((doc) => doc.attributes.deleted !== true);
}

export function createRecord(
  store: Store,
  kind: Kind,
  body: Json,
  presetRel: { [name: string]: string } = {},
): Doc {
  const now = new Date().toISOString();
  const id = chooseId(store, kind, body.id);
  const attributes = withDefaults(kind, attributeFields(kind, body));
  attributes.createdAt = typeof body.createdAt === "string" ? body.createdAt : now;
  attributes.updatedAt = now;
  attributes.modifiedAt = now;
  attributes.rev = 1;
  kind.derive?.(attributes);
  assertUniqueExternalId(store, kind, attributes.externalId, id);
  const doc: Doc = {
    id,
    attributes,
    rel: { ...resolveRelations(store, kind, body), ...presetRel },
  };
  store.put(kind.collection, doc);
  return doc;
}

/** PUT ?replace=true replaces every attribute; otherwise (PUT, PATCH) only the fields sent change. */
export function updateRecord(
  store: Store,
  kind: Kind,
  doc: Doc,
  body: Json,
  options: { replace?: boolean } = {},
): Doc {
  const currentRev = typeof doc.attributes.rev === "number" ? doc.attributes.rev : 1;
  if (typeof body.rev === "number" && body.rev !== currentRev) {
    throw conflict(
      `${kind.type} ${doc.id} is at rev ${currentRev}, not ${body.rev}: it changed since you read it; read it again and retry`,
      "/rev",
    );
  }
  const now = new Date().toISOString();
  const fields = attributeFields(kind, body);
  const attributes: Json = options.replace
    ? { ...withDefaults(kind, fields), createdAt: doc.attributes.createdAt }
    : mergeAttributes(doc.attributes, fields);
  attributes.updatedAt = now;
  attributes.modifiedAt = now;
  attributes.rev = currentRev + 1;
  kind.derive?.(attributes);
  assertUniqueExternalId(store, kind, attributes.externalId, doc.id);
  const updated: Doc = {
    ...doc,
    attributes,
    rel: { ...doc.rel, ...resolveRelations(store, kind, body) },
  };
  store.put(kind.collection, updated);
  return updated;
}

export function findByExternalId(store: Store, kind: Kind, externalId: string): Doc {
  const doc = live(kind, store.findByExternalId(kind.collection, externalId))[0];
  if (!doc) {
    throw notFound(`no ${kind.type} has externalId "${externalId}"`);
  }
  return doc;
}

/** The fields sent first (so name comes before the empty lists), then the kind's defaults. */
function withDefaults(kind: Kind, fields: Json): Json {
  const attributes: Json = { ...fields };
  for (const [name, value] of Object.entries(kind.defaults())) {
    if (attributes[name] === undefined) {
      attributes[name] = value;
    }
  }
  return attributes;
}

function mergeAttributes(current: Json, fields: Json): Json {
  const merged: Json = { ...current, ...fields };
  if (isPlainObject(current.custom) && isPlainObject(fields.custom)) {
    merged.custom = { ...current.custom, ...fields.custom };
  }
  return merged;
}

function attributeFields(kind: Kind, body: Json): Json {
  const fields: Json = {};
  for (const [name, value] of Object.entries(body)) {
    if (!CONTROL_FIELDS.has(name) && !kind.relationFields.includes(name)) {
      fields[name] = value;
    }
  }
  return fields;
}

/** A body may name its own id (imports do); it must be a free ObjectId. */
function chooseId(store: Store, kind: Kind, requested: unknown): string {
  if (requested === undefined) {
    return newObjectId();
  }
  if (!isObjectId(requested)) {
    throw badRequest("/id must be a 24-character lowercase hex id", "/id");
  }
  if (store.get(kind.collection, requested)) {
    throw conflict(`a ${kind.type} with id ${requested} already exists`, "/id");
  }
  return requested;
}

function resolveRelations(store: Store, kind: Kind, body: Json): { [name: string]: string } {
  const rel: { [name: string]: string } = {};
  for (const field of kind.relationFields) {
    const value = body[field];
    if (value === undefined || value === null) {
      continue;
    }
    const target = RELATION_KINDS[field];
    if (typeof value !== "string" || (target && !liveRecord(store, target, value))) {
      throw badRequest(
        `/${field} must be the id of an existing ${field} (got ${JSON.stringify(value)})`,
        `/${field}`,
      );
    }
    rel[field] = value;
  }
  return rel;
}

function assertUniqueExternalId(
  store: Store,
  kind: Kind,
  externalId: unknown,
  ownId: string,
): void {
  if (!store.uniqueExternalIds || typeof externalId !== "string" || externalId === "") {
    return;
  }
  // A deleted record no longer holds its externalId: the record can be created again.
  const other = live(kind, store.findByExternalId(kind.collection, externalId)).find(
    (candidate) => candidate.id !== ownId,
  );
  if (other) {
    throw conflict(
      `a ${kind.type} with externalId "${externalId}" already exists (${other.id}); look it up with its externalId instead of creating it again`,
      "/externalId",
    );
  }
}

export function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
