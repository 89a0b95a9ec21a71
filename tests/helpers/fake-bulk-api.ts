// A small in-memory Kustomer for the bulk-import tests that use a stubbed fetch: bulk creates that
// complete at once (or after a few status reads), per-item results by _clientRef, lookups by
// externalId, search with "in", rate-limit headers, and faults chosen per request. The sandbox
// (sandbox/) is the full model; this one lets a test decide exactly what each request meets.
import { jsonResponse, type RecordedRequest, type StubHandler } from "./fetch-stub.ts";

type Json = { [key: string]: unknown };

/** What one bulk POST meets: processed, answered 500 before or after committing, dropped, … */
export type BulkFault = "ok" | "500-before" | "500-after" | "drop-after" | "429" | Response;

export type FakeBulkOptions = {
  /** Decides the fate of the n-th bulk POST (0-based). Default: "ok". */
  bulkPost?: (call: number, items: Json[]) => BulkFault;
  /** Errors for an item that Kustomer would refuse while processing, or undefined. */
  itemErrors?: (item: Json) => unknown[] | undefined;
  /** Status reads answered "running" before "complete" (default 0). */
  runningReads?: number;
  /** Send x-ratelimit-* headers: limit per window (default: no headers). */
  rateLimit?: { limit: number; windowMs: number };
  /** Refuse a second record with an externalId already stored, per item (409), as the sandbox does. */
  uniqueExternalIds?: boolean;
  /** Fails reads (status, batches, lookups, search) with this status, by request number. */
  failRead?: (call: number, request: RecordedRequest) => number | undefined;
  /** The clock of the rate-limit window (a virtual clock in pacing tests). */
  now?: () => number;
};

type Job = { id: string; items: Json[]; reads: number };

export type FakeBulkApi = {
  handler: StubHandler;
  /** Every record created, in order. */
  records: { id: string; externalId?: string; item: Json }[];
  jobs: Job[];
  /** Bulk POSTs received, whatever their fate. */
  posts: number;
  /** Requests answered 429 because the window's budget was spent. */
  throttled: number;
};

export function fakeBulkApi(options: FakeBulkOptions = {}): FakeBulkApi {
  const api: FakeBulkApi = {
    handler: () => jsonResponse(500, {}),
    records: [],
    jobs: [],
    posts: 0,
    throttled: 0,
  };
  let nextId = 1;
  let reads = 0;
  let windowEnd = 0;
  let used = 0;
  const newId = () => (nextId++).toString(16).padStart(24, "0");
  const headers = (): { [name: string]: string } => {
    const rate = options.rateLimit;
    if (!rate) {
      return {};
    }
    const now = (options.now ?? Date.now)();
    if (now >= windowEnd) {
      windowEnd = now + rate.windowMs;
      used = 0;
    }
    used++;
    return {
      "x-ratelimit-limit": String(rate.limit),
      "x-ratelimit-remaining": String(Math.max(0, rate.limit - used)),
      "x-ratelimit-reset": String(windowEnd),
    };
  };
  const process = (job: Job) =>
    job.items.map((item) => {
      const { _clientRef, ...fields } = item;
      const errors = options.itemErrors?.(fields) ?? duplicateErrors(fields);
      if (errors) {
        return { _clientRef, status: "failure", errors };
      }
      const id = newId();
      api.records.push({ id, externalId: fields.externalId as string | undefined, item: fields });
      return { _clientRef, status: "success", id };
    });
  const duplicateErrors = (fields: Json) => {
    const taken =
      options.uniqueExternalIds &&
      typeof fields.externalId === "string" &&
      api.records.some((record) => record.externalId === fields.externalId);
    return taken ? [{ status: 409, code: "conflict", detail: "externalId exists" }] : undefined;
  };
  const results = new Map<string, unknown[]>();

  api.handler = (request) => {
    const rate = headers();
    if (options.rateLimit && used > options.rateLimit.limit) {
      api.throttled++;
      return jsonResponse(429, { errors: [{ code: "too_many_requests" }] }, rate);
    }
    if (request.method === "POST" && request.path.endsWith("/bulk")) {
      const items = request.body as Json[];
      const fate = options.bulkPost?.(api.posts++, items) ?? "ok";
      if (fate instanceof Response) {
        return fate;
      }
      if (fate === "429") {
        return jsonResponse(429, { errors: [{ code: "too_many_requests" }] }, rate);
      }
      if (fate === "500-before") {
        return jsonResponse(500, { errors: [{ code: "internal_server_error" }] }, rate);
      }
      const job: Job = { id: newId(), items, reads: 0 };
      api.jobs.push(job);
      results.set(job.id, process(job));
      if (fate === "500-after") {
        return jsonResponse(500, { errors: [{ code: "internal_server_error" }] }, rate);
      }
      if (fate === "drop-after") {
        throw new TypeError("fetch failed: socket closed after the request was written");
      }
      return jsonResponse(
        201,
        { data: { type: "bulk", id: job.id, attributes: { status: "queued" } } },
        rate,
      );
    }
    const failed = options.failRead?.(reads++, request);
    if (failed !== undefined) {
      return jsonResponse(failed, { errors: [{ code: `http_${failed}` }] }, rate);
    }
    return read(request, rate);
  };

  const read = (request: RecordedRequest, rate: { [name: string]: string }): Response => {
    const bulk = /^\/v1\/bulk\/(\w+)(\/batches)?$/.exec(request.path);
    if (bulk) {
      const job = api.jobs.find((candidate) => candidate.id === bulk[1]);
      if (!job) {
        return jsonResponse(404, { errors: [{ code: "not_found" }] }, rate);
      }
      if (bulk[2]) {
        const batch = { successCount: 0, failureCount: 0, results: results.get(job.id) ?? [] };
        for (const result of batch.results as { status: string }[]) {
          batch[result.status === "success" ? "successCount" : "failureCount"]++;
        }
        return jsonResponse(
          200,
          { data: [{ type: "bulk_batch", attributes: batch }], links: { next: null } },
          rate,
        );
      }
      const done = job.reads++ >= (options.runningReads ?? 0);
      const attributes = {
        status: done ? "complete" : "running",
        batches: { complete: done ? 1 : 0, total: 1 },
      };
      return jsonResponse(200, { data: { type: "bulk", id: job.id, attributes } }, rate);
    }
    const byExternalId =
      /externalId=(.+)$/i.exec(decodeURIComponent(request.path))?.[1] ?? request.query.externalId;
    if (request.method === "GET" && byExternalId !== undefined) {
      const found = api.records.filter((record) => record.externalId === byExternalId);
      if (request.query.externalId !== undefined) {
        return jsonResponse(200, { data: found.map(document), links: { next: null } }, rate);
      }
      return found[0]
        ? jsonResponse(200, { data: document(found[0]) }, rate)
        : jsonResponse(404, { errors: [{ code: "not_found" }] }, rate);
    }
    if (request.method === "POST" && request.path === "/v1/customers/search") {
      const criterion = ((request.body as { and?: Json[] }).and?.[0] ?? {}) as Json;
      const wanted = (Object.values(criterion)[0] as { in?: unknown[] } | undefined)?.in ?? [];
      const found = api.records.filter((record) => wanted.includes(record.externalId));
      return jsonResponse(200, { data: found.map(document), links: { next: null } }, rate);
    }
    return jsonResponse(
      404,
      { errors: [{ code: "not_found", detail: `no route ${request.path}` }] },
      rate,
    );
  };
  return api;
}

function document(record: { id: string; externalId?: string; item: Json }): Json {
  return {
    type: "record",
    id: record.id,
    attributes: { ...record.item, externalId: record.externalId },
  };
}
