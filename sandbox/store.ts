// The sandbox's records. Everything lives in memory (Maps keep insertion order, which is the
// order lists are served in); with a database path every write is also written through to SQLite
// (bun:sqlite) and the file is loaded back at start, so data survives restarts.
import { Database, type Statement } from "bun:sqlite";
import { UpdatedAtIndex, updatedAtKey } from "./updated-index.ts";

export type Json = { [key: string]: unknown };

export type Doc = {
  id: string;
  /** What the API shows under data.attributes. */
  attributes: Json;
  /** Related records by relationship name (customer, conversation, company, bulk). */
  rel: { [name: string]: string };
  /** Bookkeeping the API never shows (e.g. the items a bulk batch still has to process). */
  hidden?: Json;
};

type Persistence = {
  upsert: Statement;
  remove: Statement;
  db: Database;
};

export type StoreOptions = {
  /** Refuse a second record of a kind with the same externalId (default true); see settings.ts. */
  uniqueExternalIds?: boolean;
};

/** More values a record is found by: lookups stay O(1) in stores of 100,000s. */
const LOOKUPS = {
  /** Customers by email, in lower case (GET /v1/customers/email={email}). */
  email: (doc: Doc) =>
    listValues(doc.attributes.emails, "email").map((value) => value.toLowerCase()),
  /** Customers by phone, without spaces, dashes, dots or brackets (GET …/phone={phone}). */
  phone: (doc: Doc) => listValues(doc.attributes.phones, "phone").map(normalizePhone),
  /** Bulk batches by their job. */
  bulk: (doc: Doc) => (doc.rel.bulk ? [doc.rel.bulk] : []),
};

export type LookupName = keyof typeof LOOKUPS;

export function normalizePhone(value: string): string {
  return value.replace(/[\s\-().]/g, "");
}

function listValues(list: unknown, field: string): string[] {
  if (!Array.isArray(list)) {
    return [];
  }
  const values: string[] = [];
  for (const entry of list) {
    const value =
      entry !== null && typeof entry === "object"
        ? (entry as { [key: string]: unknown })[field]
        : undefined;
    if (typeof value === "string" && value !== "") {
      values.push(value);
    }
  }
  return values;
}

export class Store {
  private readonly collections = new Map<string, Map<string, Doc>>();
  /** lookup → collection → value → ids (see LOOKUPS). */
  private readonly lookups = new Map<string, Map<string, Map<string, Set<string>>>>();
  /** Open transactions (nested calls join the outer one). */
  private transactionDepth = 0;
  /** collection → externalId → ids: lookups by externalId stay fast in stores of 10,000s. */
  private readonly byExternalId = new Map<string, Map<string, Set<string>>>();
  /** collection → records in (updatedAt, id) order, for searches sorted by updatedAt. */
  private readonly byUpdatedAt = new Map<string, UpdatedAtIndex>();
  private readonly persistence: Persistence | undefined;
  readonly uniqueExternalIds: boolean;
  /** Told of every write after it is stored (the outbound-webhook emitter listens here). */
  onWrite?: (collection: string, before: Doc | undefined, after: Doc) => void;

  constructor(dbPath?: string, options: StoreOptions = {}) {
    this.uniqueExternalIds = options.uniqueExternalIds ?? true;
    this.persistence = dbPath === undefined ? undefined : openDatabase(dbPath);
    if (this.persistence) {
      this.loadFrom(this.persistence.db);
    }
  }

  get(collection: string, id: string): Doc | undefined {
    return this.collections.get(collection)?.get(id);
  }

  /** All records of a collection, oldest first. */
  list(collection: string): Doc[] {
    const records = this.collections.get(collection);
    return records ? Array.from(records.values()) : [];
  }

  find(collection: string, matches: (doc: Doc) => boolean): Doc | undefined {
    for (const doc of this.collections.get(collection)?.values() ?? []) {
      if (matches(doc)) {
        return doc;
      }
    }
    return undefined;
  }

  /** The records of a collection whose externalId is exactly `externalId`, oldest first. */
  findByExternalId(collection: string, externalId: string): Doc[] {
    const ids = this.byExternalId.get(collection)?.get(externalId) ?? new Set<string>();
    return [...ids]
      .map((id) => this.get(collection, id))
      .filter((doc): doc is Doc => doc !== undefined);
  }

  /** The records whose lookup value is `value` (see LOOKUPS): oldest first, or in any order. */
  findBy(lookup: LookupName, collection: string, value: string, ordered = true): Doc[] {
    const ids = this.lookups.get(lookup)?.get(collection)?.get(value);
    const docs: Doc[] = [];
    for (const id of ids ?? []) {
      const doc = this.get(collection, id);
      if (doc) {
        docs.push(doc);
      }
    }
    if (ordered && docs.length > 1) {
      // List order (oldest first) when several match: rare, so the scan is affordable.
      const order = [...(this.collections.get(collection)?.keys() ?? [])];
      docs.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    }
    return docs;
  }

  /**
   * Runs `work` as one SQLite transaction (one commit for a whole bulk batch rather than one per
   * record); in memory it just runs. Nested calls join the outer transaction.
   */
  transaction<T>(work: () => T): T {
    const db = this.persistence?.db;
    if (!db || this.transactionDepth > 0) {
      return work();
    }
    this.transactionDepth++;
    try {
      return db.transaction(work)();
    } finally {
      this.transactionDepth--;
    }
  }

  /** The collection's records in (updatedAt, id) order (an empty index when it has none). */
  updatedAtIndex(collection: string): UpdatedAtIndex {
    return this.byUpdatedAt.get(collection) ?? new UpdatedAtIndex();
  }

  /**
   * Inserts or replaces a record; a replaced record keeps its place in list order. `quiet` skips
   * onWrite (a soft delete, of which Kustomer sends no webhook).
   */
  put(collection: string, doc: Doc, options: { quiet?: boolean } = {}): void {
    let records = this.collections.get(collection);
    if (!records) {
      records = new Map();
      this.collections.set(collection, records);
    }
    const before = records.get(doc.id);
    this.unindex(collection, before);
    records.set(doc.id, doc);
    this.index(collection, doc);
    this.persistence?.upsert.run(collection, doc.id, JSON.stringify(doc));
    if (!options.quiet) {
      this.onWrite?.(collection, before, doc);
    }
  }

  remove(collection: string, id: string): boolean {
    const records = this.collections.get(collection);
    this.unindex(collection, records?.get(id));
    const removed = records?.delete(id) ?? false;
    if (removed) {
      this.persistence?.remove.run(collection, id);
    }
    return removed;
  }

  private index(collection: string, doc: Doc): void {
    for (const [name, valuesOf] of Object.entries(LOOKUPS)) {
      const values = valuesOf(doc);
      if (values.length === 0) {
        continue;
      }
      let byCollection = this.lookups.get(name);
      if (!byCollection) {
        byCollection = new Map();
        this.lookups.set(name, byCollection);
      }
      let byValue = byCollection.get(collection);
      if (!byValue) {
        byValue = new Map();
        byCollection.set(collection, byValue);
      }
      for (const value of values) {
        let ids = byValue.get(value);
        if (!ids) {
          ids = new Set();
          byValue.set(value, ids);
        }
        ids.add(doc.id);
      }
    }
    const key = updatedAtKey(doc.attributes.updatedAt);
    if (key !== undefined) {
      let sorted = this.byUpdatedAt.get(collection);
      if (!sorted) {
        sorted = new UpdatedAtIndex();
        this.byUpdatedAt.set(collection, sorted);
      }
      sorted.add(key, doc.id);
    }
    const externalId = doc.attributes.externalId;
    if (typeof externalId !== "string" || externalId === "") {
      return;
    }
    let byValue = this.byExternalId.get(collection);
    if (!byValue) {
      byValue = new Map();
      this.byExternalId.set(collection, byValue);
    }
    let ids = byValue.get(externalId);
    if (!ids) {
      ids = new Set();
      byValue.set(externalId, ids);
    }
    ids.add(doc.id);
  }

  private unindex(collection: string, doc: Doc | undefined): void {
    if (doc) {
      for (const [name, valuesOf] of Object.entries(LOOKUPS)) {
        const byValue = this.lookups.get(name)?.get(collection);
        for (const value of byValue ? valuesOf(doc) : []) {
          byValue?.get(value)?.delete(doc.id);
        }
      }
    }
    const key = updatedAtKey(doc?.attributes.updatedAt);
    if (doc && key !== undefined) {
      this.byUpdatedAt.get(collection)?.remove(key, doc.id);
    }
    const externalId = doc?.attributes.externalId;
    if (doc && typeof externalId === "string") {
      this.byExternalId.get(collection)?.get(externalId)?.delete(doc.id);
    }
  }

  close(): void {
    this.persistence?.db.close();
  }

  private loadFrom(db: Database): void {
    const rows = db
      .query<{ collection: string; body: string }, []>(
        "SELECT collection, body FROM documents ORDER BY rowid",
      )
      .all();
    for (const row of rows) {
      const doc = JSON.parse(row.body) as Doc;
      let records = this.collections.get(row.collection);
      if (!records) {
        records = new Map();
        this.collections.set(row.collection, records);
      }
      records.set(doc.id, doc);
      this.index(row.collection, doc);
    }
  }
}

function openDatabase(path: string): Persistence {
  let db: Database;
  try {
    db = new Database(path, { create: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not open the SQLite file ${path}: ${reason} (does its folder exist?)`);
  }
  db.run("PRAGMA journal_mode = WAL");
  // With WAL, NORMAL syncs at checkpoints rather than on every commit: a crash of the machine may
  // lose the last writes, never corrupt the file (https://sqlite.org/pragma.html#pragma_synchronous).
  db.run("PRAGMA synchronous = NORMAL");
  db.run(
    `CREATE TABLE IF NOT EXISTS documents (
       collection TEXT NOT NULL,
       id TEXT NOT NULL,
       body TEXT NOT NULL,
       PRIMARY KEY (collection, id)
     )`,
  );
  return {
    db,
    // An upsert keeps the row's rowid, so an updated record keeps its place in list order.
    upsert: db.prepare(
      `INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body`,
    ),
    remove: db.prepare("DELETE FROM documents WHERE collection = ? AND id = ?"),
  };
}
