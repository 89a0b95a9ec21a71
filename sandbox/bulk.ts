// Asynchronous bulk jobs as Kustomer runs them (developer.kustomer.com/docs/guides/bulk-operations):
// the POST only queues the job; timers then move it queued → running → complete, one batch of
// items per step, so clients must poll GET /v1/bulk/{id} like they would for real. Each item
// succeeds or fails on its own; results[] reports items that carried a _clientRef.
import { ApiError, errorObject, type KustomerErrorObject } from "./errors.ts";
import { newObjectId } from "./ids.ts";
import type { Operation } from "./operations.ts";
import { isPlainObject } from "./records.ts";
import { BULK_BATCHES, BULKS } from "./resources.ts";
import type { Doc, Json, Store } from "./store.ts";
import { validateBulkItem } from "./validation.ts";

/** Applies one item; returns the id of the record it created, changed or deleted. */
export type BulkAction = (store: Store, item: Json, params: { [name: string]: string }) => string;

/** Items per batch. Kustomer does not document its batch size; 25 makes batching visible. */
export const BULK_BATCH_SIZE = 25;

type ItemResult = {
  index: number;
  clientRef: unknown;
  id?: string;
  errors?: KustomerErrorObject[];
};

export class BulkRunner {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly actions: { [operationId: string]: BulkAction },
    private readonly stepMs: number,
  ) {}

  /** Stores the job and its batches as queued and schedules the work; returns the job. */
  submit(operation: Operation, params: { [name: string]: string }, items: unknown[]): Doc {
    const now = new Date().toISOString();
    const job: Doc = {
      id: newObjectId(),
      attributes: {
        context: jobContext(operation),
        status: "queued",
        completed: false,
        batches: { complete: 0, total: Math.ceil(items.length / BULK_BATCH_SIZE) },
        count: items.length,
        createdAt: now,
        updatedAt: now,
      },
      rel: {},
      hidden: { operationId: operation.operationId, params },
    };
    // The job and its batches in one transaction: one commit with --db, not one per batch.
    this.store.transaction(() => this.storeJob(job, items));
    this.schedule(job.id);
    return job;
  }

  private storeJob(job: Doc, items: unknown[]): void {
    this.store.put(BULKS.collection, job);
    for (let offset = 0; offset < items.length; offset += BULK_BATCH_SIZE) {
      this.store.put(BULK_BATCHES.collection, {
        id: newObjectId(),
        attributes: {
          status: "queued",
          objectIds: [],
          successCount: 0,
          failureCount: 0,
          completedAt: null,
          errors: [],
        },
        rel: { bulk: job.id },
        hidden: { offset, items: items.slice(offset, offset + BULK_BATCH_SIZE) },
      });
    }
  }

  /** After a restart with a database: picks up jobs that had not finished. */
  resumePending(): void {
    for (const job of this.store.list(BULKS.collection)) {
      if (job.attributes.status !== "complete") {
        this.schedule(job.id);
      }
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }

  /** The job's batches in item order, found through the store's index of batches by job. */
  batchesOf(jobId: string): Doc[] {
    return this.store
      .findBy("bulk", BULK_BATCHES.collection, jobId, false)
      .sort((a, b) => Number(a.hidden?.offset ?? 0) - Number(b.hidden?.offset ?? 0));
  }

  private schedule(jobId: string): void {
    if (this.stopped) {
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // A batch's records, its results and the job's progress: one transaction with --db.
      this.store.transaction(() => this.step(jobId));
    }, this.stepMs);
    this.timers.add(timer);
  }

  /** One step: start the job, or process its next queued batch, or finish it. */
  private step(jobId: string): void {
    const job = this.store.get(BULKS.collection, jobId);
    if (!job) {
      return;
    }
    if (job.attributes.status === "queued") {
      this.saveJob(job, { status: "running" });
      this.schedule(jobId);
      return;
    }
    const batches = this.batchesOf(jobId);
    const next = batches.find((batch) => batch.attributes.status !== "complete");
    if (next) {
      this.runBatch(job, next);
    }
    const complete =
      batches.filter((batch) => batch.attributes.status === "complete").length + (next ? 1 : 0);
    const done = complete >= batches.length;
    const current = this.store.get(BULKS.collection, jobId) ?? job;
    this.saveJob(current, {
      status: done ? "complete" : "running",
      completed: done,
      batches: { complete, total: batches.length },
    });
    if (!done) {
      this.schedule(jobId);
    }
  }

  private runBatch(job: Doc, batch: Doc): void {
    const operationId = String(job.hidden?.operationId);
    const params = (job.hidden?.params ?? {}) as { [name: string]: string };
    const offset = Number(batch.hidden?.offset ?? 0);
    const items = Array.isArray(batch.hidden?.items) ? (batch.hidden.items as unknown[]) : [];
    const results = items.map((item, position) =>
      this.runItem(operationId, params, item, offset + position),
    );
    const succeeded = results.filter((result) => result.id !== undefined && !result.errors);
    const failed = results.filter((result) => result.errors);
    const attributes: Json = {
      status: "complete",
      objectIds: succeeded.map((result) => result.id),
      successCount: succeeded.length,
      failureCount: failed.length,
      completedAt: new Date().toISOString(),
      errors: failed.flatMap((result) => result.errors ?? []),
    };
    const withRefs = results.filter((result) => result.clientRef !== undefined);
    if (withRefs.length > 0) {
      attributes.results = withRefs.map(describeResult);
    }
    // The items are no longer needed once processed; dropping them keeps the database small.
    this.store.put(BULK_BATCHES.collection, { ...batch, attributes, hidden: { offset } });
  }

  private runItem(
    operationId: string,
    params: { [name: string]: string },
    item: unknown,
    index: number,
  ): ItemResult {
    const clientRef = isPlainObject(item) ? item._clientRef : undefined;
    const problems = operationId.startsWith("BulkDelete")
      ? []
      : validateBulkItem(operationId, item, index);
    if (problems.length > 0) {
      return { index, clientRef, errors: problems };
    }
    const action = this.actions[operationId];
    if (!action || !isPlainObject(item)) {
      return {
        index,
        clientRef,
        errors: [errorObject(501, "not_implemented", `${operationId} items are not modelled`)],
      };
    }
    const { _clientRef: _ignored, ...fields } = item;
    try {
      return { index, clientRef, id: action(this.store, fields, params) };
    } catch (error) {
      if (error instanceof ApiError) {
        return { index, clientRef, errors: error.errors.map((entry) => atIndex(entry, index)) };
      }
      throw error;
    }
  }

  private saveJob(job: Doc, changes: Json): void {
    this.store.put(BULKS.collection, {
      ...job,
      attributes: { ...job.attributes, ...changes, updatedAt: new Date().toISOString() },
    });
  }
}

function describeResult(result: ItemResult): Json {
  return result.errors
    ? { _clientRef: result.clientRef, status: "failure", errors: result.errors }
    : { _clientRef: result.clientRef, status: "success", id: result.id };
}

/** Errors about a field of item 3 point at /3/field, relative to the whole request body. */
function atIndex(entry: KustomerErrorObject, index: number): KustomerErrorObject {
  const pointer = entry.source?.pointer;
  return pointer === undefined
    ? { ...entry, source: { pointer: `/${index}` } }
    : { ...entry, source: { ...entry.source, pointer: `/${index}${pointer}` } };
}

/** Kustomer names a job's work like api.sobjects.customers.bulk-create. */
function jobContext(operation: Operation): string {
  const resource = operation.path.startsWith("/v1/klasses/")
    ? "kobjects"
    : (operation.path.split("/")[2] ?? "");
  const verb =
    { POST: "create", PUT: "update", DELETE: "delete" }[operation.method as string] ?? "update";
  return `api.sobjects.${resource}.bulk-${verb}`;
}
