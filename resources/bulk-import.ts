// The shared bulk-import engine: pacing to the org's rate limit, waiting for bulk operations, and
// importing any number of records through a bulk endpoint with every record accounted for.
//
// Everything between the two marker lines below is stamped, byte for byte, into the import scripts
// (scripts/*/import_*.ts) and scripts/bulk/wait_for_bulk_operation.ts by `bun run stamp`
// (tools/stamp.ts), next to the shared request block of resources/kustomer.ts whose names it uses.
// Edit it here, never in a script: tests/import-stamp.test.ts fails when a copy drifts. The import
// and the exports outside the markers exist for type-checking and the tests only.
import {
  KUSTOMER_BULK_LIMIT,
  type Kustomer,
  KustomerError,
  type KustomerObserver,
  type KustomerProblem,
  type KustomerRateLimit,
  type KustomerSchema,
  kustomerApiKey,
  kustomerBaseUrl,
  kustomerDropUnset,
  kustomerRequest,
  kustomerSettings,
  kustomerValidate,
} from "./kustomer.ts";

// <kustomer-import v1> Do not edit in a script: the source is resources/bulk-import.ts.
// Its entry points (kustomerImport, kustomerWaitForBulkOperation, kustomerBulkId,
// kustomerWaitTiming) are exported, so a script that uses only some of them is still lint-clean.

/**
 * Clock and limits of the import engine. Tests replace `now` and `sleep`; the rest are Kustomer's
 * documented limits and this engine's choices.
 */
const kustomerImportSettings = {
  now: (): number => Date.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
  /** Kustomer refuses bodies over 100 KB on most endpoints with 413 (kustomer-api-docs/reference/errors). */
  maxRequestBytes: 100_000,
  /**
   * On a re-run (checkExisting "auto"), chunks are probed in input order for records an earlier,
   * interrupted run already created, until this many chunks in a row had none.
   */
  resumeProbeChunks: 10,
  /** Calls tick every ms until the returned stop is called; tests drive it with a virtual clock. */
  every: (ms: number, tick: () => void): (() => void) => {
    const timer = setInterval(tick, ms);
    // The interval alone must not keep a finished job's process alive.
    timer.unref?.();
    return () => clearInterval(timer);
  },
};

/**
 * Logs progress while `work` runs, every kustomerSettings.progressEveryMs (30 s in Windmill's job
 * log, 5 s on a terminal's stderr); the line is built when it is due.
 */
async function kustomerWithProgress<T>(work: () => Promise<T>, line: () => string): Promise<T> {
  const stop = kustomerImportSettings.every(kustomerSettings.progressEveryMs, () =>
    kustomerSettings.log(line()),
  );
  try {
    return await work();
  } finally {
    stop();
  }
}

/** Lower goes first: a new bulk call keeps the pipeline full, reads then drain it. */
const KUSTOMER_PRIORITY = { submit: 0, read: 1 };

/**
 * Paces requests to the org's rate limit (https://developer.kustomer.com/docs/concepts/rate-limits):
 * one budget per window for the whole org, shared by every key, reported on each response as
 * x-ratelimit-limit, -remaining and -reset. Requests are spread evenly over what is left of the
 * window (time to reset ÷ requests left), not sent in a burst, so other integrations keep getting
 * through; this run takes at most `share` of each window, and never more than the org has left.
 * Until the first response tells the limit, one request goes at a time; without any x-ratelimit
 * header (some endpoints send none) requests are not held back. A 429 still gets through to the
 * shared request block, which waits for the reset and retries.
 *
 * Each request has a sequence number: an answer's x-ratelimit-remaining counts the requests
 * Kustomer had received when it answered, so the requests sent after it and still unanswered are
 * taken off what it says is left.
 */
class KustomerPacer {
  readonly stats = { requests: 0, throttled: 0 };
  private limit: number | undefined;
  private unpaced = false;
  private remaining = 0;
  private windowEnd = 0;
  /** True while windowEnd is our guess (a new window starts with the next request). */
  private windowGuessed = true;
  /** The end of the last window an answer told us about. */
  private toldWindowEnd = 0;
  /** The latest request whose answer set `remaining`. */
  private toldBy = -1;
  private longestWindowMs = 0;
  private usedInWindow = 0;
  private nextAt = 0;
  private sequence = 0;
  private readonly inFlight = new Set<number>();
  private order = 0;
  private pumping = false;
  private readonly waiters: { priority: number; order: number; grant: (seq: number) => void }[] =
    [];
  private wake: (() => void) | undefined;

  constructor(private readonly share: number) {}

  /** The observer to hand to kustomerRequest: every attempt of that request is paced. */
  observer(priority: number): KustomerObserver {
    let seq = -1;
    return {
      beforeAttempt: async () => {
        seq = await this.acquire(priority);
      },
      afterAttempt: (status, rateLimit) => this.release(status, rateLimit, seq),
    };
  }

  /** Resolves with the request's sequence number when it may be sent. */
  acquire(priority: number): Promise<number> {
    return new Promise((grant) => {
      const waiter = { priority, order: this.order++, grant };
      const at = this.waiters.findIndex((other) => other.priority > priority);
      this.waiters.splice(at < 0 ? this.waiters.length : at, 0, waiter);
      void this.pump();
    });
  }

  /** The answer to request `seq`: its status (0 when none came) and its x-ratelimit-* headers. */
  release(status: number, rateLimit: KustomerRateLimit, seq: number): void {
    this.inFlight.delete(seq);
    this.stats.requests++;
    if (status === 429) {
      this.stats.throttled++;
    }
    if (rateLimit.limit !== undefined && rateLimit.limit > 0) {
      this.learn(status, rateLimit, seq);
    } else if (status > 0 && this.limit === undefined) {
      this.unpaced = true;
    }
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Kustomer's window is 60 s; a sandbox may compress it, which the reset header shows. */
  private windowMs(): number {
    return this.longestWindowMs > 0 ? this.longestWindowMs : 60_000;
  }

  /** A little slack after the reset, for clock differences (1% of the window). */
  private marginMs(): number {
    return Math.min(1000, Math.max(5, this.windowMs() * 0.01));
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        const now = kustomerImportSettings.now();
        const waitMs = this.waitMs(now);
        if (waitMs === undefined) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
        } else if (waitMs > 0) {
          await kustomerImportSettings.sleep(waitMs);
        } else {
          this.grant(now);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /** How long the next request must wait; undefined until an answer tells the limit. */
  private waitMs(now: number): number | undefined {
    if (this.unpaced) {
      return 0;
    }
    if (this.limit === undefined) {
      return this.inFlight.size === 0 ? 0 : undefined;
    }
    if (now >= this.windowEnd + this.marginMs()) {
      this.guessNewWindow(now, this.limit);
    }
    if (this.budget(this.limit) <= 0) {
      return Math.max(1, this.windowEnd + this.marginMs() - now);
    }
    return Math.max(0, this.nextAt - now);
  }

  private budget(limit: number): number {
    return Math.min(Math.floor(this.share * limit) - this.usedInWindow, this.remaining);
  }

  private guessNewWindow(now: number, limit: number): void {
    this.windowEnd = now + this.windowMs();
    this.windowGuessed = true;
    this.usedInWindow = 0;
    this.remaining = limit;
    this.nextAt = now;
  }

  private grant(now: number): void {
    const waiter = this.waiters.shift();
    if (!waiter) {
      return;
    }
    if (!this.unpaced && this.limit !== undefined) {
      const budget = Math.max(1, this.budget(this.limit));
      // Requests are spread over the window, leaving room for the org's other integrations. With a
      // share of 1 (a dedicated import window) only new bulk calls are spread: the reads that
      // follow operations go as soon as the budget allows, so the last operations finish sooner.
      if (this.share < 1 || waiter.priority === KUSTOMER_PRIORITY.submit) {
        this.nextAt = now + Math.max(0, this.windowEnd - now) / budget;
      }
      this.remaining--;
    }
    const seq = this.sequence++;
    this.usedInWindow++;
    this.inFlight.add(seq);
    waiter.grant(seq);
  }

  private learn(status: number, rateLimit: KustomerRateLimit, seq: number): void {
    const now = kustomerImportSettings.now();
    this.limit = rateLimit.limit ?? 1;
    this.unpaced = false;
    const told = status === 429 ? 0 : (rateLimit.remaining ?? this.remaining);
    const sentSince = [...this.inFlight].filter((other) => other > seq).length;
    const resetAt = kustomerResetAt(rateLimit.reset, now);
    if (resetAt === undefined) {
      this.remaining = Math.min(this.remaining, told - sentSince);
      return;
    }
    this.longestWindowMs = Math.min(120_000, Math.max(this.longestWindowMs, resetAt - now));
    if (resetAt > this.toldWindowEnd) {
      // A new window, which this request was counted in, and so are those sent after it.
      if (!this.windowGuessed) {
        this.usedInWindow = 1 + sentSince;
      }
      this.toldWindowEnd = resetAt;
      this.windowEnd = resetAt;
      this.windowGuessed = false;
      this.toldBy = seq;
      this.remaining = Math.max(0, told - sentSince);
    } else if (resetAt === this.windowEnd && (seq > this.toldBy || status === 429)) {
      this.toldBy = Math.max(this.toldBy, seq);
      this.remaining = Math.max(0, Math.min(told, told - sentSince));
    }
    // Otherwise a late answer from an earlier window, or older news about this one.
  }
}

/**
 * x-ratelimit-reset as an epoch time in ms. Kustomer does not document its unit: a large number is
 * read as epoch ms or epoch seconds, a small one as seconds to wait, as the shared block does.
 */
function kustomerResetAt(reset: number | undefined, now: number): number | undefined {
  if (reset === undefined || !Number.isFinite(reset) || reset < 0) {
    return undefined;
  }
  if (reset > 1e12) {
    return reset;
  }
  if (reset > 1e9) {
    return reset * 1000;
  }
  return now + reset * 1000;
}

/** How a bulk operation is followed: its pacer, polling intervals and deadline. */
type KustomerBulkFollow = {
  auth: Kustomer;
  pacer: KustomerPacer;
  firstPollMs: number;
  maxPollMs: number;
  /** Epoch ms after which waiting stops. */
  deadlineAt: number;
  /** The latest status read, for progress lines. */
  lastStatus?: KustomerBulkStatus;
};

type KustomerBulkStatus = {
  id: string;
  status: string;
  batches: { complete: number; total: number };
  /** How long Kustomer took (updatedAt − createdAt of the operation), when it says. */
  runMs?: number;
};

/** One record's outcome in a bulk operation, from the results[] of its batches. */
type KustomerBulkItemResult =
  | { status: "success"; id?: string }
  | { status: "failure"; errors: unknown[] };

type KustomerBulkResults = {
  byClientRef: Map<string, KustomerBulkItemResult>;
  /** What batches without results[] (items sent without _clientRef) report. */
  unmatched: { ids: string[]; errors: unknown[] };
  succeeded: number;
  failed: number;
};

/** True for answers that say nothing about the request itself: no response, 5xx, 429. */
function kustomerIsTransient(error: unknown): boolean {
  return (
    error instanceof KustomerError &&
    ((error.status === 0 && error.code !== "invalid_input") ||
      error.status === 429 ||
      error.status >= 500)
  );
}

/**
 * A read that is safe to repeat (GET, or a search): the shared block already retried it; while the
 * deadline allows, it is tried again after a pause. Other errors (401, 403, 404…) are thrown.
 */
async function kustomerReadAgain<T>(
  follow: KustomerBulkFollow,
  read: () => Promise<T>,
): Promise<T> {
  for (let pauseMs = follow.firstPollMs; ; pauseMs = Math.min(follow.maxPollMs, pauseMs * 2)) {
    try {
      return await read();
    } catch (error) {
      const now = kustomerImportSettings.now();
      if (!kustomerIsTransient(error) || now + pauseMs > follow.deadlineAt) {
        throw error;
      }
      await kustomerImportSettings.sleep(pauseMs);
    }
  }
}

/** GET /v1/bulk/{id} (https://developer.kustomer.com/api/core-resources/get-bulk-operation-by-id). */
async function kustomerBulkStatus(
  follow: KustomerBulkFollow,
  id: string,
): Promise<KustomerBulkStatus> {
  const response = (await kustomerRequest(follow.auth, {
    operation: "GetBulkOperationById",
    method: "GET",
    path: "/v1/bulk/{id}",
    pathParams: { id },
    observer: follow.pacer.observer(KUSTOMER_PRIORITY.read),
  })) as { data?: { id?: unknown; attributes?: { [field: string]: unknown } } } | null;
  const attributes = response?.data?.attributes ?? {};
  const batches = (attributes.batches ?? {}) as { complete?: unknown; total?: unknown };
  const runMs = Date.parse(String(attributes.updatedAt)) - Date.parse(String(attributes.createdAt));
  return {
    id,
    status: typeof attributes.status === "string" ? attributes.status : "unknown",
    batches: { complete: Number(batches.complete ?? 0), total: Number(batches.total ?? 0) },
    ...(Number.isFinite(runMs) && runMs >= 0 ? { runMs } : {}),
  };
}

/**
 * Polls a bulk operation until it is complete: the first look after `firstDelayMs`, then at
 * firstPollMs, growing 1.5 times each time up to maxPollMs apart (1 s, 1.5 s, 2.3 s … 10 s by
 * default), which keeps polling to a few requests per operation. Returns the last status seen and
 * how many reads it took; `complete` is false when the deadline came first.
 */
async function kustomerAwaitBulk(
  follow: KustomerBulkFollow,
  id: string,
  firstDelayMs: number,
): Promise<{ complete: boolean; status: KustomerBulkStatus | undefined; polls: number }> {
  let status: KustomerBulkStatus | undefined;
  let polls = 0;
  let delayMs = firstDelayMs;
  while (true) {
    const now = kustomerImportSettings.now();
    if (now >= follow.deadlineAt) {
      return { complete: false, status, polls };
    }
    await kustomerImportSettings.sleep(Math.min(delayMs, follow.deadlineAt - now));
    delayMs = Math.min(follow.maxPollMs, Math.max(follow.firstPollMs, delayMs * 1.5));
    polls++;
    try {
      status = await kustomerBulkStatus(follow, id);
      follow.lastStatus = status;
    } catch (error) {
      if (!kustomerIsTransient(error)) {
        throw error;
      }
      continue;
    }
    if (status.status === "complete") {
      return { complete: true, status, polls };
    }
  }
}

/**
 * Reads every page of GET /v1/bulk/{id}/batches
 * (https://developer.kustomer.com/api/core-resources/get-bulk-operation-batches): each batch has
 * successCount, failureCount, objectIds, errors, and results[] ({ _clientRef, status, id | errors })
 * for the items that carried a _clientRef (https://developer.kustomer.com/docs/guides/bulk-operations).
 */
async function kustomerBulkResults(
  follow: KustomerBulkFollow,
  id: string,
): Promise<KustomerBulkResults> {
  const results: KustomerBulkResults = {
    byClientRef: new Map(),
    unmatched: { ids: [], errors: [] },
    succeeded: 0,
    failed: 0,
  };
  for (let page = 1; page <= 1000; page++) {
    const response = (await kustomerReadAgain(follow, () =>
      kustomerRequest(follow.auth, {
        operation: "GetBulkOperationBatches",
        method: "GET",
        path: "/v1/bulk/{id}/batches",
        pathParams: { id },
        query: { page, pageSize: 100 },
        observer: follow.pacer.observer(KUSTOMER_PRIORITY.read),
      }),
    )) as { data?: unknown; links?: { next?: unknown } } | null;
    const batches = Array.isArray(response?.data) ? response.data : [];
    for (const batch of batches) {
      kustomerAddBatch(results, (batch as { attributes?: unknown })?.attributes);
    }
    if (batches.length === 0 || !response?.links?.next) {
      break;
    }
  }
  return results;
}

function kustomerAddBatch(results: KustomerBulkResults, attributes: unknown): void {
  const batch = (attributes ?? {}) as { [field: string]: unknown };
  results.succeeded += Number(batch.successCount ?? 0) || 0;
  results.failed += Number(batch.failureCount ?? 0) || 0;
  const matchedIds = new Set<string>();
  const matchedErrors = new Set<string>();
  for (const entry of Array.isArray(batch.results) ? batch.results : []) {
    const item = (entry ?? {}) as { [field: string]: unknown };
    if (typeof item._clientRef !== "string") {
      continue;
    }
    const id = [item.id, item.objectId, item._id].find((value) => typeof value === "string");
    if (item.status === "success") {
      results.byClientRef.set(item._clientRef, { status: "success", id: id as string | undefined });
      matchedIds.add(String(id));
    } else {
      const errors = Array.isArray(item.errors) ? item.errors : item.error ? [item.error] : [];
      results.byClientRef.set(item._clientRef, { status: "failure", errors });
      for (const error of errors) {
        matchedErrors.add(JSON.stringify(error));
      }
    }
  }
  // What no _clientRef accounts for belongs to items sent without one.
  const ids = kustomerStrings(batch.objectIds).filter((id) => !matchedIds.has(id));
  const errors = (Array.isArray(batch.errors) ? batch.errors : []).filter(
    (error) => !matchedErrors.has(JSON.stringify(error)),
  );
  results.unmatched.ids.push(...ids);
  results.unmatched.errors.push(...errors);
}

function kustomerStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

/** The summary wait_for_bulk_operation returns. */
type KustomerBulkSummary = {
  id: string;
  status: string;
  batches: { complete: number; total: number };
  succeeded: number;
  failed: number;
  /** Each item sent with a _clientRef: its id, or Kustomer's errors for it. */
  results: { [clientRef: string]: KustomerBulkItemResult };
  /** Ids and errors of items sent without a _clientRef (Kustomer cannot say which is which). */
  withoutClientRef: { ids: string[]; errors: unknown[] };
  requests: number;
  seconds: number;
};

/** Follows one bulk operation to the end and summarises it; throws when the deadline passes first. */
export async function kustomerWaitForBulkOperation(
  auth: Kustomer,
  id: string,
  timing: { deadlineSeconds: number; firstPollSeconds: number; maxPollSeconds: number },
): Promise<KustomerBulkSummary> {
  const started = kustomerImportSettings.now();
  const follow: KustomerBulkFollow = {
    auth,
    pacer: new KustomerPacer(1),
    firstPollMs: timing.firstPollSeconds * 1000,
    maxPollMs: timing.maxPollSeconds * 1000,
    deadlineAt: started + timing.deadlineSeconds * 1000,
  };
  const seconds = () => Math.round((kustomerImportSettings.now() - started) / 1000);
  const waited = await kustomerWithProgress(
    () => kustomerAwaitBulk(follow, id, 0),
    () => {
      const status = follow.lastStatus;
      const where = status
        ? `${status.status}, ${status.batches.complete} of ${status.batches.total} batches done`
        : "no status read yet";
      const { requests, throttled } = follow.pacer.stats;
      return `bulk operation ${id} after ${seconds()} s: ${where}; ${requests} requests (${throttled} throttled)`;
    },
  );
  if (!waited.complete) {
    const status = waited.status;
    const progress = status
      ? `still ${status.status} (${status.batches.complete} of ${status.batches.total} batches done)`
      : "not readable (Kustomer did not answer)";
    throw new KustomerError({
      message: `Kustomer bulk operation ${id} is ${progress} after ${timing.deadlineSeconds} s: it goes on in Kustomer; run this step again with the same id, or raise deadlineSeconds`,
      status: 0,
      code: "deadline",
      method: "GET",
      path: `/v1/bulk/${id}`,
      attempts: follow.pacer.stats.requests,
    });
  }
  const results = await kustomerBulkResults(follow, id);
  return {
    id,
    status: waited.status?.status ?? "complete",
    batches: waited.status?.batches ?? { complete: 0, total: 0 },
    succeeded: results.succeeded,
    failed: results.failed,
    results: Object.fromEntries(results.byClientRef),
    withoutClientRef: results.unmatched,
    requests: follow.pacer.stats.requests,
    seconds: Math.round((kustomerImportSettings.now() - started) / 100) / 10,
  };
}

/** Finds the bulk operation id in what a bulk script returned ({ data: { id } }), or an id. */
export function kustomerBulkId(id: unknown, bulk: unknown): string {
  const candidates = [
    id,
    (bulk as { data?: { id?: unknown } } | null)?.data?.id,
    (bulk as { id?: unknown } | null)?.id,
  ];
  const found = candidates.find((value) => typeof value === "string" && value.trim() !== "");
  if (typeof found !== "string") {
    throw kustomerImportInputError("GET", "/v1/bulk/{id}", [
      "pass id (the bulk operation id) or bulk (what a bulk script returned: { data: { id } })",
    ]);
  }
  return found.trim();
}

function kustomerImportInputError(method: string, path: string, problems: string[]): KustomerError {
  return new KustomerError({
    message: `Kustomer ${method} ${path}: invalid input, nothing was sent:\n- ${problems.join("\n- ")}`,
    status: 0,
    code: "invalid_input",
    method,
    path,
    errors: problems,
    attempts: 0,
  });
}

/** How to find an existing record by externalId; always a direct read, never search alone. */
type KustomerLookup =
  /** GET a path holding {externalId}, e.g. /v1/customers/externalId={externalId}; 404 when none. */
  | { by: "path"; operation: string; path: string }
  /** GET a list filtered by a query parameter, e.g. /v1/companies?externalId=. */
  | { by: "query"; operation: string; path: string; parameter: string }
  /** List the parent's records (a conversation's notes) and match externalId. */
  | { by: "parent"; operation: string; path: string; parentField: string };

/** What an import script tells the engine about its resource. */
type KustomerBulkResource = {
  /** Plural name for messages, e.g. customers. */
  name: string;
  /** The bulk create operation: its name, path and path parameters. */
  operation: string;
  path: string;
  pathParams?: { [name: string]: string };
  /** One record's rules: the items of the operation's body schema. */
  itemSchema: KustomerSchema;
  lookup: KustomerLookup;
  /**
   * Kustomer search (POST /v1/customers/search, https://developer.kustomer.com/docs/concepts/search)
   * over externalId (e.g. customer_external_id, "in" a list), to find a chunk's records in one
   * request. Search is eventually consistent, so only what it finds is trusted (its externalId is
   * compared exactly); anything it misses is read directly before it can be sent again.
   */
  search?: { queryContext: string; field: string };
};

/** The options of an import, as main receives them (a Windmill form may send null or ""). */
type KustomerImportArgs = {
  checkExisting?: unknown;
  rateShare?: unknown;
  firstIndex?: unknown;
  deadlineSeconds?: unknown;
  tuning?: {
    firstPollSeconds?: unknown;
    maxPollSeconds?: unknown;
    settleSeconds?: unknown;
    maxPendingBulks?: unknown;
  } | null;
};

type KustomerImportOptions = {
  checkExisting: "auto" | "always" | "never";
  rateShare: number;
  firstIndex: number;
  deadlineSeconds: number;
  firstPollMs: number;
  maxPollMs: number;
  settleMs: number;
  maxPendingBulks: number;
};

/** A number option: its default when unset (null or "" from a form), else checked against a range. */
function kustomerNumberOption(
  problems: string[],
  name: string,
  value: unknown,
  range: { fallback: number; min: number; max: number },
): number {
  if (value === undefined || value === null || value === "") {
    return range.fallback;
  }
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max
  ) {
    problems.push(
      `${name} must be a number from ${range.min} to ${range.max} (got ${JSON.stringify(value)})`,
    );
    return range.fallback;
  }
  return value;
}

/** wait_for_bulk_operation's timings, checked before anything is sent. */
export function kustomerWaitTiming(args: {
  deadlineSeconds?: unknown;
  firstPollSeconds?: unknown;
  maxPollSeconds?: unknown;
}): { deadlineSeconds: number; firstPollSeconds: number; maxPollSeconds: number } {
  const problems: string[] = [];
  const timing = {
    deadlineSeconds: kustomerNumberOption(problems, "deadlineSeconds", args.deadlineSeconds, {
      fallback: 600,
      min: 1,
      max: 7 * 24 * 3600,
    }),
    firstPollSeconds: kustomerNumberOption(problems, "firstPollSeconds", args.firstPollSeconds, {
      fallback: 1,
      min: 0.001,
      max: 600,
    }),
    maxPollSeconds: kustomerNumberOption(problems, "maxPollSeconds", args.maxPollSeconds, {
      fallback: 10,
      min: 0.001,
      max: 600,
    }),
  };
  if (problems.length > 0) {
    throw kustomerImportInputError("GET", "/v1/bulk/{id}", problems);
  }
  return timing;
}

/** Reads and checks the options; every problem is reported at once, before anything is sent. */
function kustomerImportOptions(args: KustomerImportArgs, path: string): KustomerImportOptions {
  const problems: string[] = [];
  const number = (name: string, value: unknown, fallback: number, min: number, max: number) =>
    kustomerNumberOption(problems, name, value, { fallback, min, max });
  const mode = args.checkExisting ?? "auto";
  if (!["auto", "always", "never", ""].includes(mode as string)) {
    problems.push(`checkExisting must be auto, always or never (got ${JSON.stringify(mode)})`);
  }
  const tuning = args.tuning ?? {};
  const options: KustomerImportOptions = {
    checkExisting: (mode === "" || problems.length > 0 ? "auto" : mode) as "auto",
    rateShare: number("rateShare", args.rateShare, 0.8, 0.01, 1),
    firstIndex: number("firstIndex", args.firstIndex, 0, 0, Number.MAX_SAFE_INTEGER),
    deadlineSeconds: number("deadlineSeconds", args.deadlineSeconds, 3600, 1, 7 * 24 * 3600),
    firstPollMs: number("tuning.firstPollSeconds", tuning.firstPollSeconds, 1, 0.001, 600) * 1000,
    maxPollMs: number("tuning.maxPollSeconds", tuning.maxPollSeconds, 10, 0.001, 600) * 1000,
    settleMs: number("tuning.settleSeconds", tuning.settleSeconds, 30, 0, 3600) * 1000,
    maxPendingBulks: number("tuning.maxPendingBulks", tuning.maxPendingBulks, 50, 1, 1000),
  };
  if (!Number.isInteger(options.firstIndex) || !Number.isInteger(options.maxPendingBulks)) {
    problems.push("firstIndex and tuning.maxPendingBulks must be whole numbers");
  }
  if (problems.length > 0) {
    throw kustomerImportInputError("POST", path, problems);
  }
  return options;
}

/** One valid record, ready to send. */
type KustomerImportItem = {
  /** Position in the whole input (firstIndex + position in records). */
  index: number;
  clientRef: string;
  externalId?: string;
  /** The parent a lookup lists (a note's conversation). */
  parentId?: string;
  body: { [field: string]: unknown };
  bytes: number;
};

type KustomerImportCreated = {
  index: number;
  clientRef: string;
  id: string;
  externalId?: string;
  /** The record was already in Kustomer (an earlier run created it); it was not sent again. */
  existing?: true;
};

type KustomerImportFailed = {
  index: number;
  clientRef: string;
  externalId?: string;
  code: string;
  message: string;
  /** Kustomer's errors for this record, as returned. */
  errors: unknown[];
  /** The bulk operation that carried the record, when there was one. */
  bulkId?: string;
};

type KustomerImportInvalid = { index: number; clientRef?: string; problems: string[] };

type KustomerImportResult = {
  summary: {
    records: number;
    created: number;
    existing: number;
    failed: number;
    invalid: number;
    bulkOperations: number;
    requests: number;
    throttled: number;
    seconds: number;
  };
  created: KustomerImportCreated[];
  failed: KustomerImportFailed[];
  invalid: KustomerImportInvalid[];
};

/**
 * Checks every record locally against the operation's item schema, gives each a _clientRef (its
 * own, or row-<index>), and sets aside what cannot be sent: not an object, breaking a rule, over the
 * request size limit, or repeating another record's _clientRef or externalId (two records with one
 * externalId would be created twice).
 */
function kustomerPrepareRecords(
  records: unknown[],
  resource: KustomerBulkResource,
  firstIndex: number,
): { items: KustomerImportItem[]; invalid: KustomerImportInvalid[] } {
  const items: KustomerImportItem[] = [];
  const invalid: KustomerImportInvalid[] = [];
  const clientRefs = new Map<string, number>();
  const externalIds = new Map<string, number>();
  for (const [position, record] of records.entries()) {
    const index = firstIndex + position;
    const body = kustomerDropUnset(record, resource.itemSchema);
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      const problem = body === undefined ? "has no fields set" : "must be an object of fields";
      invalid.push({ index, problems: [`records[${index}] ${problem}`] });
      continue;
    }
    const fields = body as { [field: string]: unknown };
    const ownRef = typeof fields._clientRef === "string" ? fields._clientRef.trim() : "";
    const clientRef = ownRef === "" ? `row-${index}` : ownRef;
    const item: KustomerImportItem = {
      index,
      clientRef,
      body: { ...fields, _clientRef: clientRef },
      bytes: 0,
    };
    item.bytes = new TextEncoder().encode(JSON.stringify(item.body)).length + 1;
    if (typeof fields.externalId === "string" && fields.externalId !== "") {
      item.externalId = fields.externalId;
    }
    if (
      resource.lookup.by === "parent" &&
      typeof fields[resource.lookup.parentField] === "string"
    ) {
      item.parentId = fields[resource.lookup.parentField] as string;
    }
    const problems = kustomerRecordProblems(item, resource, clientRefs, externalIds);
    if (problems.length > 0) {
      invalid.push({ index, clientRef, problems });
      continue;
    }
    clientRefs.set(clientRef, index);
    if (item.externalId !== undefined) {
      externalIds.set(item.externalId, index);
    }
    items.push(item);
  }
  return { items, invalid };
}

function kustomerRecordProblems(
  item: KustomerImportItem,
  resource: KustomerBulkResource,
  clientRefs: Map<string, number>,
  externalIds: Map<string, number>,
): string[] {
  const where = (path: (string | number)[]) =>
    `records[${item.index}]${path.map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("")}`;
  const problems = kustomerValidate(resource.itemSchema, item.body).map(
    (problem: KustomerProblem) => `${where(problem.path)} ${problem.message}`,
  );
  const limit = kustomerImportSettings.maxRequestBytes;
  if (item.bytes > limit) {
    problems.push(
      `${where([])} is ${item.bytes} bytes as JSON; Kustomer accepts at most ${limit} bytes per request: shorten it`,
    );
  }
  const sameRef = clientRefs.get(item.clientRef);
  if (sameRef !== undefined) {
    problems.push(
      `${where(["_clientRef"])} "${item.clientRef}" is also record ${sameRef}'s: make it unique`,
    );
  }
  const sameExternalId =
    item.externalId === undefined ? undefined : externalIds.get(item.externalId);
  if (sameExternalId !== undefined) {
    problems.push(
      `${where(["externalId"])} "${item.externalId}" is also record ${sameExternalId}'s: importing both would create two ${resource.name} with one externalId`,
    );
  }
  return problems;
}

/** Splits items into bulk bodies of at most 100 records and under the request size limit. */
function kustomerChunks(items: KustomerImportItem[]): KustomerImportItem[][] {
  const chunks: KustomerImportItem[][] = [];
  let current: KustomerImportItem[] = [];
  let bytes = 2;
  for (const item of items) {
    const full =
      current.length >= KUSTOMER_BULK_LIMIT ||
      bytes + item.bytes > kustomerImportSettings.maxRequestBytes;
    if (full && current.length > 0) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(item);
    bytes += item.bytes;
  }
  if (current.length > 0) {
    chunks.push(current);
  }
  return chunks;
}

/** Errors that say the record exists already (Kustomer answers 409 Conflict). */
function kustomerIsDuplicate(errors: unknown[]): boolean {
  return errors.some((error) => {
    const item = (error ?? {}) as { status?: unknown; code?: unknown };
    return (
      item.status === 409 ||
      (typeof item.code === "string" && /conflict|duplicate/i.test(item.code))
    );
  });
}

function kustomerErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One import run. Its guarantees:
 * - every record ends in exactly one of created, failed, invalid;
 * - a bulk POST is never sent twice blindly: when its answer is lost (network error, timeout, 5xx)
 *   the run waits until the bulk operation it may have queued would be done, then looks its records
 *   up by externalId; only records confirmed absent are sent again, and records without externalId
 *   are reported as failed with code outcome_unknown rather than risk a duplicate;
 * - with checkExisting "auto", a re-run after a crash finds what the crashed run created (by
 *   externalId) and does not create it again; see kustomerSkipExisting.
 */
class KustomerImportRun {
  private readonly created = new Map<number, KustomerImportCreated>();
  private readonly failures = new Map<number, KustomerImportFailed>();
  private readonly follow: KustomerBulkFollow;
  private readonly queue: KustomerImportItem[][] = [];
  private bulkOperations = 0;
  /** Records in bulk calls Kustomer accepted, and operations queued but not yet read back. */
  private sentRecords = 0;
  private pendingBulks = 0;
  private longestBulkMs = 0;
  private expectedBulkMs: number;
  private fatal: KustomerError | undefined;

  constructor(
    auth: Kustomer,
    private readonly resource: KustomerBulkResource,
    private readonly options: KustomerImportOptions,
    private readonly started: number,
  ) {
    this.follow = {
      auth,
      pacer: new KustomerPacer(options.rateShare),
      firstPollMs: options.firstPollMs,
      maxPollMs: options.maxPollMs,
      deadlineAt: started + options.deadlineSeconds * 1000,
    };
    this.expectedBulkMs = options.firstPollMs;
  }

  async run(items: KustomerImportItem[]): Promise<void> {
    const toSend = await this.skipExisting(items);
    this.queue.push(...kustomerChunks(toSend));
    const running = new Set<Promise<void>>();
    while (this.queue.length > 0 || running.size > 0) {
      while (
        this.queue.length > 0 &&
        running.size < this.options.maxPendingBulks &&
        this.canSend()
      ) {
        const chunk = this.queue.shift() ?? [];
        const task: Promise<void> = this.send(chunk).finally(() => running.delete(task));
        running.add(task);
      }
      if (!this.canSend()) {
        this.failUnsent();
      }
      if (running.size > 0) {
        await Promise.race(running);
      }
    }
    if (this.fatal && this.created.size === 0) {
      throw this.fatal;
    }
  }

  result(invalid: KustomerImportInvalid[]): KustomerImportResult {
    const created = [...this.created.values()].sort((a, b) => a.index - b.index);
    const failed = [...this.failures.values()].sort((a, b) => a.index - b.index);
    const existing = created.filter((entry) => entry.existing).length;
    const stats = this.follow.pacer.stats;
    return {
      summary: {
        records: created.length + failed.length + invalid.length,
        created: created.length - existing,
        existing,
        failed: failed.length,
        invalid: invalid.length,
        bulkOperations: this.bulkOperations,
        requests: stats.requests,
        throttled: stats.throttled,
        seconds: Math.round((kustomerImportSettings.now() - this.started) / 100) / 10,
      },
      created,
      failed,
      invalid: [...invalid].sort((a, b) => a.index - b.index),
    };
  }

  /** One progress line: how far the import is, never a record's content or the key. */
  progress(records: number, invalid: number): string {
    const existing = [...this.created.values()].filter((entry) => entry.existing).length;
    const { requests, throttled } = this.follow.pacer.stats;
    const seconds = Math.round((kustomerImportSettings.now() - this.started) / 1000);
    return `import (${this.resource.operation}) after ${seconds} s: ${this.sentRecords} of ${records} records sent; ${this.created.size - existing} created, ${existing} existing, ${this.failures.size} failed, ${invalid} invalid; ${this.pendingBulks} bulk operations pending; ${requests} requests (${throttled} throttled)`;
  }

  private canSend(): boolean {
    return this.fatal === undefined && kustomerImportSettings.now() < this.follow.deadlineAt;
  }

  private failUnsent(): void {
    const reason = this.fatal
      ? `not sent: the import stopped after ${this.fatal.message}`
      : `not sent: the import reached its deadline of ${this.options.deadlineSeconds} s; run it again (with checkExisting auto, records already created are not created twice)`;
    for (const item of this.queue.splice(0).flat()) {
      this.fail(item, { code: "not_sent", message: reason, errors: [] });
    }
  }

  /** Each record gets one outcome: a second one would be a bug in this engine, not in the data. */
  private settle(item: KustomerImportItem): void {
    if (this.created.has(item.index) || this.failures.has(item.index)) {
      throw new Error(`kustomerImport: record ${item.index} was given two outcomes (a bug)`);
    }
  }

  private succeed(item: KustomerImportItem, id: string, existing = false): void {
    this.settle(item);
    const entry: KustomerImportCreated = { index: item.index, clientRef: item.clientRef, id };
    if (item.externalId !== undefined) {
      entry.externalId = item.externalId;
    }
    if (existing) {
      entry.existing = true;
    }
    this.created.set(item.index, entry);
  }

  private fail(
    item: KustomerImportItem,
    failure: { code: string; message: string; errors: unknown[]; bulkId?: string },
  ): void {
    this.settle(item);
    const entry: KustomerImportFailed = {
      index: item.index,
      clientRef: item.clientRef,
      ...failure,
    };
    if (item.externalId !== undefined) {
      entry.externalId = item.externalId;
    }
    this.failures.set(item.index, entry);
  }

  /**
   * checkExisting: "never" sends everything; "always" looks every record up first (about one
   * request per record, for imports into an org that may hold any of them); "auto" (the default)
   * probes chunks in input order, a search and one direct read each, and looks up every record of
   * a chunk where something was found, until resumeProbeChunks chunks in a row had nothing: a
   * crashed run sent its chunks in that order, so the rest of the input is new. Records found are
   * reported as created with existing: true and not sent.
   */
  private async skipExisting(items: KustomerImportItem[]): Promise<KustomerImportItem[]> {
    const mode = this.options.checkExisting;
    if (mode === "never" || !items.some((item) => item.externalId !== undefined)) {
      return items;
    }
    const chunks = kustomerChunks(items);
    const window = kustomerImportSettings.resumeProbeChunks;
    const toSend: KustomerImportItem[] = [];
    let clean = 0;
    let next = 0;
    while (next < chunks.length && (mode === "always" || clean < window)) {
      const batch = chunks.slice(next, next + (mode === "always" ? window : window - clean));
      next += batch.length;
      const found = await this.findExisting(batch, mode);
      for (const [position, chunk] of batch.entries()) {
        const existing = found[position] ?? new Map<number, string>();
        clean = existing.size === 0 ? clean + 1 : 0;
        for (const item of chunk) {
          const id = existing.get(item.index);
          if (id === undefined) {
            toSend.push(item);
          } else {
            this.succeed(item, id, true);
          }
        }
      }
    }
    return [...toSend, ...chunks.slice(next).flat()];
  }

  private async findExisting(
    chunks: KustomerImportItem[][],
    mode: "auto" | "always",
  ): Promise<Map<number, string>[]> {
    const find = (chunk: KustomerImportItem[]) =>
      mode === "always" ? this.findAll(chunk) : this.findIfSent(chunk);
    try {
      // The first chunk alone first: a key Kustomer refuses then fails one request, not twenty.
      const [first, ...rest] = chunks;
      const found = first ? [await find(first)] : [];
      return [...found, ...(await Promise.all(rest.map(find)))];
    } catch (error) {
      if (!(error instanceof KustomerError) || error.status !== 403) {
        throw error;
      }
      throw new KustomerError({
        message: `${error.message}; nothing was imported: checkExisting "${mode}" looks ${this.resource.name} up by externalId before sending, so the key needs read access to them (or pass checkExisting "never" for records that cannot exist yet)`,
        status: error.status,
        code: error.code,
        method: error.method,
        path: error.path,
        errors: error.errors,
        rateLimit: error.rateLimit,
        attempts: error.attempts,
      });
    }
  }

  /** The records of a chunk that exist, if a probe suggests the chunk was sent before. */
  private async findIfSent(chunk: KustomerImportItem[]): Promise<Map<number, string>> {
    const found = await this.probe(chunk);
    if (found.size === 0) {
      return found;
    }
    const rest = chunk.filter((item) => item.externalId !== undefined && !found.has(item.index));
    for (const [index, id] of await this.readExisting(rest)) {
      found.set(index, id);
    }
    return found;
  }

  /** Every record of a chunk that exists: a search for many at once, then direct reads. */
  private async findAll(chunk: KustomerImportItem[]): Promise<Map<number, string>> {
    const keyed = chunk.filter((item) => item.externalId !== undefined);
    const found = await this.searchExisting(keyed);
    const rest = keyed.filter((item) => !found.has(item.index));
    for (const [index, id] of await this.readExisting(rest)) {
      found.set(index, id);
    }
    return found;
  }

  /**
   * A cheap look at whether a chunk's bulk call was ever processed: a search over its externalIds
   * (when the resource has one) and direct reads of its first and last records (only the last when
   * search already covered the chunk). A bulk operation either was queued with all its records or
   * not at all, so if none of these is found, the chunk is taken as never received.
   */
  private async probe(chunk: KustomerImportItem[]): Promise<Map<number, string>> {
    const keyed = chunk.filter((item) => item.externalId !== undefined);
    const found = await this.searchExisting(keyed);
    const samples = this.resource.search ? [keyed.at(-1)] : [keyed[0], keyed.at(-1)];
    const unique = [...new Set(samples)].filter(
      (item): item is KustomerImportItem => item !== undefined && !found.has(item.index),
    );
    for (const [index, id] of await this.readExisting(unique)) {
      found.set(index, id);
    }
    return found;
  }

  /** Search positives only (a record is taken as found when its externalId matches exactly). */
  private async searchExisting(items: KustomerImportItem[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    const search = this.resource.search;
    if (!search || items.length === 0) {
      return found;
    }
    const wanted = new Map(items.map((item) => [item.externalId ?? "", item]));
    try {
      const response = (await kustomerReadAgain(this.follow, () =>
        kustomerRequest(this.follow.auth, {
          operation: "CustomerSearch",
          method: "POST",
          path: "/v1/customers/search",
          query: { page: 1, pageSize: Math.min(500, items.length * 2) },
          body: {
            queryContext: search.queryContext,
            and: [{ [search.field]: { in: items.map((item) => item.externalId) } }],
          },
          observer: this.follow.pacer.observer(KUSTOMER_PRIORITY.read),
        }),
      )) as { data?: unknown } | null;
      for (const record of Array.isArray(response?.data) ? response.data : []) {
        const { id, attributes } = (record ?? {}) as {
          id?: unknown;
          attributes?: { externalId?: unknown };
        };
        const item = wanted.get(String(attributes?.externalId ?? ""));
        if (item && typeof id === "string" && !found.has(item.index)) {
          found.set(item.index, id);
        }
      }
    } catch (error) {
      // Search only saves requests: without it (no search role, a query Kustomer reads
      // differently) every record is read directly. A key Kustomer refuses stops everything.
      if (error instanceof KustomerError && error.status === 401) {
        throw error;
      }
    }
    return found;
  }

  /** Direct reads by externalId (authoritative). Throws when Kustomer cannot answer in time. */
  private async readExisting(items: KustomerImportItem[]): Promise<Map<number, string>> {
    const lookup = this.resource.lookup;
    if (lookup.by === "parent") {
      return this.readByParent(lookup, items);
    }
    const found = new Map<number, string>();
    await Promise.all(
      items.map(async (item) => {
        const id = await this.readOne(lookup, item.externalId ?? "");
        if (id !== undefined) {
          found.set(item.index, id);
        }
      }),
    );
    return found;
  }

  private async readOne(
    lookup: Exclude<KustomerLookup, { by: "parent" }>,
    externalId: string,
  ): Promise<string | undefined> {
    const byQuery = lookup.by === "query";
    let response: unknown;
    try {
      response = await kustomerReadAgain(this.follow, () =>
        kustomerRequest(this.follow.auth, {
          operation: lookup.operation,
          method: "GET",
          path: lookup.path,
          pathParams: { ...this.resource.pathParams, externalId },
          query: byQuery ? { [lookup.parameter]: externalId } : undefined,
          observer: this.follow.pacer.observer(KUSTOMER_PRIORITY.read),
        }),
      );
    } catch (error) {
      if (error instanceof KustomerError && error.status === 404) {
        return undefined;
      }
      throw error;
    }
    const data = (response as { data?: unknown } | null)?.data;
    const records = Array.isArray(data) ? data : [data];
    return kustomerIdWithExternalId(records, externalId);
  }

  /** Lists each parent's records once (every page) and matches them by externalId. */
  private async readByParent(
    lookup: Extract<KustomerLookup, { by: "parent" }>,
    items: KustomerImportItem[],
  ): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    const parents = new Map<string, KustomerImportItem[]>();
    for (const item of items) {
      const group = parents.get(item.parentId ?? "") ?? [];
      group.push(item);
      parents.set(item.parentId ?? "", group);
    }
    await Promise.all(
      [...parents].map(async ([parentId, group]) => {
        const records = await this.listParent(lookup, parentId);
        for (const item of group) {
          const id = kustomerIdWithExternalId(records, item.externalId ?? "");
          if (id !== undefined) {
            found.set(item.index, id);
          }
        }
      }),
    );
    return found;
  }

  private async listParent(
    lookup: Extract<KustomerLookup, { by: "parent" }>,
    parentId: string,
  ): Promise<unknown[]> {
    const records: unknown[] = [];
    for (let page = 1; page <= 1000; page++) {
      const response = (await kustomerReadAgain(this.follow, () =>
        kustomerRequest(this.follow.auth, {
          operation: lookup.operation,
          method: "GET",
          path: lookup.path,
          pathParams: { id: parentId },
          query: { page, pageSize: 100 },
          observer: this.follow.pacer.observer(KUSTOMER_PRIORITY.read),
        }),
      )) as { data?: unknown; links?: { next?: unknown } } | null;
      const data = Array.isArray(response?.data) ? response.data : [];
      records.push(...data);
      if (data.length === 0 || !response?.links?.next) {
        return records;
      }
    }
    return records;
  }

  /** One chunk from POST to outcome. */
  private async send(chunk: KustomerImportItem[]): Promise<void> {
    let response: unknown;
    try {
      response = await kustomerRequest(this.follow.auth, {
        operation: this.resource.operation,
        method: "POST",
        path: this.resource.path,
        pathParams: this.resource.pathParams,
        body: chunk.map((item) => item.body),
        bodySchema: {
          type: "array",
          minItems: 1,
          maxItems: KUSTOMER_BULK_LIMIT,
          items: this.resource.itemSchema,
        },
        observer: this.follow.pacer.observer(KUSTOMER_PRIORITY.submit),
      });
    } catch (error) {
      await this.sendFailed(chunk, error);
      return;
    }
    const id = (response as { data?: { id?: unknown } } | null)?.data?.id;
    if (typeof id !== "string") {
      // Kustomer answered 2xx without an operation id: the records may be queued; find out.
      await this.reconcile(chunk, new Error("Kustomer's answer named no bulk operation"));
      return;
    }
    this.bulkOperations++;
    this.sentRecords += chunk.length;
    this.pendingBulks++;
    try {
      await this.collect(chunk, id, kustomerImportSettings.now());
    } finally {
      this.pendingBulks--;
    }
  }

  /**
   * A POST that failed. 429 after the shared block's retries, and 4xx, mean nothing was processed:
   * the chunk is sent again (429), split (413), or its records fail with Kustomer's errors (400);
   * a 400 that points at some items (/3/name) fails only those and sends the others again. No answer
   * or a 5xx leaves the outcome unknown: see reconcile.
   */
  private async sendFailed(chunk: KustomerImportItem[], error: unknown): Promise<void> {
    if (!(error instanceof KustomerError) || error.code === "invalid_input") {
      throw error;
    }
    if (error.status === 429) {
      this.queue.unshift(chunk);
    } else if (error.status === 0 || error.status >= 500) {
      await this.reconcile(chunk, error);
    } else if (error.status === 413 && chunk.length > 1) {
      const half = Math.ceil(chunk.length / 2);
      this.queue.unshift(chunk.slice(0, half), chunk.slice(half));
    } else if ([401, 403, 404].includes(error.status)) {
      this.noteFatal(error);
      this.queue.unshift(chunk);
    } else {
      this.rejectChunk(chunk, error);
    }
  }

  private rejectChunk(chunk: KustomerImportItem[], error: KustomerError): void {
    const byPosition = new Map<number, unknown[]>();
    for (const entry of error.errors) {
      const pointer = (entry as { source?: { pointer?: unknown } } | null)?.source?.pointer;
      const position = Number(/^\/(\d+)(\/|$)/.exec(String(pointer ?? ""))?.[1] ?? Number.NaN);
      if (Number.isInteger(position) && position < chunk.length) {
        byPosition.set(position, [...(byPosition.get(position) ?? []), entry]);
      }
    }
    const retry: KustomerImportItem[] = [];
    for (const [position, item] of chunk.entries()) {
      const errors = byPosition.size === 0 ? error.errors : byPosition.get(position);
      if (errors === undefined) {
        retry.push(item);
      } else {
        this.fail(item, { code: error.code, message: error.message, errors });
      }
    }
    if (retry.length > 0) {
      this.queue.unshift(retry);
    }
  }

  /** 401 and 403 (and 404 for the bulk route itself) would repeat for every chunk: stop sending. */
  private noteFatal(error: unknown): void {
    if (error instanceof KustomerError && [401, 403].includes(error.status)) {
      this.fatal ??= error;
    } else if (error instanceof KustomerError && error.status === 404 && error.method === "POST") {
      this.fatal ??= error;
    }
  }

  /** Waits for a queued bulk operation and records each record's outcome from its batches. */
  private async collect(
    chunk: KustomerImportItem[],
    bulkId: string,
    queuedAt: number,
  ): Promise<void> {
    let results: KustomerBulkResults;
    try {
      const waited = await kustomerAwaitBulk(this.follow, bulkId, this.expectedBulkMs);
      if (!waited.complete) {
        const message = `bulk operation ${bulkId} was not complete when the import's deadline of ${this.options.deadlineSeconds} s came (it goes on in Kustomer): check it with wait_for_bulk_operation`;
        for (const item of chunk) {
          this.fail(item, { code: "bulk_pending", message, errors: [], bulkId });
        }
        return;
      }
      const runMs = waited.status?.runMs ?? kustomerImportSettings.now() - queuedAt;
      this.learnBulkTime(runMs, waited.polls);
      results = await kustomerBulkResults(this.follow, bulkId);
    } catch (error) {
      this.noteFatal(error);
      const message = `could not read bulk operation ${bulkId}: ${kustomerErrorMessage(error)}; check it with wait_for_bulk_operation`;
      for (const item of chunk) {
        this.fail(item, { code: "results_unavailable", message, errors: [], bulkId });
      }
      return;
    }
    await this.recordResults(chunk, bulkId, results);
  }

  /**
   * Polls start when a bulk operation is expected to be done, so most need a single status read:
   * the first read comes a little sooner after an operation that was done at the first look, and
   * half as late again after one that was not; never sooner than firstPollSeconds. `ms` is how long
   * Kustomer took (its own timestamps when it gives them), which sets how long a lost request is
   * given to have run before its records are looked up.
   */
  private learnBulkTime(ms: number, polls: number): void {
    this.longestBulkMs = Math.max(this.longestBulkMs, ms);
    const next = polls <= 1 ? this.expectedBulkMs * 0.97 : this.expectedBulkMs * 1.5;
    this.expectedBulkMs = Math.min(
      this.options.maxPollMs,
      Math.max(this.options.firstPollMs, next),
    );
  }

  private async recordResults(
    chunk: KustomerImportItem[],
    bulkId: string,
    results: KustomerBulkResults,
  ): Promise<void> {
    const doubts: KustomerImportItem[] = [];
    for (const item of chunk) {
      const result = results.byClientRef.get(item.clientRef);
      if (result?.status === "success" && result.id !== undefined) {
        this.succeed(item, result.id);
      } else if (result?.status === "failure" && !kustomerIsDuplicate(result.errors)) {
        const message = `Kustomer did not create it: ${JSON.stringify(result.errors).slice(0, 500)}`;
        this.fail(item, { code: "bulk_item_failed", message, errors: result.errors, bulkId });
      } else if (item.externalId !== undefined) {
        doubts.push(item);
      } else {
        const message = `bulk operation ${bulkId} reported no id for it (no result for _clientRef ${item.clientRef})`;
        this.fail(item, { code: "no_result", message, errors: [], bulkId });
      }
    }
    await this.settleDoubts(doubts, bulkId, results);
  }

  /**
   * Records reported as duplicates (409: the externalId exists), or with no result: read by
   * externalId; found means it exists (created by an earlier run), else it failed.
   */
  private async settleDoubts(
    doubts: KustomerImportItem[],
    bulkId: string,
    results: KustomerBulkResults,
  ): Promise<void> {
    if (doubts.length === 0) {
      return;
    }
    let found: Map<number, string>;
    try {
      found = await this.readExisting(doubts);
    } catch (error) {
      this.noteFatal(error);
      const message = `bulk operation ${bulkId} gave no clear outcome for it and looking it up by externalId failed: ${kustomerErrorMessage(error)}`;
      for (const item of doubts) {
        this.fail(item, { code: "outcome_unknown", message, errors: [], bulkId });
      }
      return;
    }
    for (const item of doubts) {
      const id = found.get(item.index);
      const result = results.byClientRef.get(item.clientRef);
      if (id !== undefined) {
        this.succeed(item, id, result?.status === "failure");
      } else {
        const errors = result?.status === "failure" ? result.errors : [];
        const message = `bulk operation ${bulkId} did not create it, and no ${this.resource.name} has externalId "${item.externalId}"`;
        this.fail(item, { code: "bulk_item_failed", message, errors, bulkId });
      }
    }
  }

  /**
   * How long a bulk operation that may have been queued is given to run before its records are
   * looked up: three times the longest this run's operations took (by Kustomer's own timestamps
   * when it gives them), at least firstPollSeconds; settleSeconds while none has finished yet.
   */
  private settleMs(): number {
    return this.longestBulkMs > 0
      ? Math.max(this.options.firstPollMs, 3 * this.longestBulkMs)
      : this.options.settleMs;
  }

  /**
   * A bulk POST without a usable answer may or may not have queued an operation. It is not sent
   * again blindly: after the time an operation takes to run, the records are looked up by
   * externalId (see settleMs). Found ones are created;
   * if none of the chunk is found, nothing was received and the records with an externalId are
   * sent again; if some are, the operation ran, and each other record is read directly and sent
   * again only when absent. Records without externalId cannot be checked: they fail with code
   * outcome_unknown.
   */
  private async reconcile(chunk: KustomerImportItem[], cause: unknown): Promise<void> {
    const reason = kustomerErrorMessage(cause);
    const unknownOutcome = (item: KustomerImportItem, detail: string) =>
      this.fail(item, { code: "outcome_unknown", message: `${detail} (${reason})`, errors: [] });
    for (const item of chunk.filter((entry) => entry.externalId === undefined)) {
      unknownOutcome(
        item,
        "the bulk request got no usable answer and may have been processed; the record has no externalId to check, so it was not sent again: look for it in Kustomer",
      );
    }
    const keyed = chunk.filter((item) => item.externalId !== undefined);
    if (keyed.length === 0) {
      return;
    }
    const settleMs = this.settleMs();
    const now = kustomerImportSettings.now();
    await kustomerImportSettings.sleep(
      Math.max(0, Math.min(settleMs, this.follow.deadlineAt - now)),
    );
    let found: Map<number, string>;
    try {
      found = await this.findIfSent(keyed);
    } catch (error) {
      this.noteFatal(error);
      for (const item of keyed) {
        unknownOutcome(
          item,
          `could not check whether the lost bulk request created it: ${kustomerErrorMessage(error)}`,
        );
      }
      return;
    }
    const absent: KustomerImportItem[] = [];
    for (const item of keyed) {
      const id = found.get(item.index);
      if (id === undefined) {
        absent.push(item);
      } else {
        this.succeed(item, id);
      }
    }
    if (absent.length > 0) {
      this.queue.unshift(absent);
    }
  }
}

/** The id of the record among `records` whose externalId is exactly `externalId`. */
function kustomerIdWithExternalId(records: unknown[], externalId: string): string | undefined {
  for (const record of records) {
    const { id, attributes } = (record ?? {}) as {
      id?: unknown;
      attributes?: { externalId?: unknown };
    };
    if (typeof id === "string" && attributes?.externalId === externalId) {
      return id;
    }
  }
  return undefined;
}

/**
 * What an import or a bulk upsert checks before anything is sent: the connection, every path
 * value of the bulk endpoint, and that the records are a list. `inputError` builds the message.
 */
export function kustomerImportCheckInput(
  auth: Kustomer,
  resource: { path: string; pathParams?: { [name: string]: unknown } },
  records: unknown,
  inputError: (message: string) => KustomerError,
): asserts records is unknown[] {
  kustomerApiKey(auth, inputError);
  kustomerBaseUrl(auth, inputError);
  for (const [, name = ""] of resource.path.matchAll(/\{(\w+)\}/g)) {
    const value = resource.pathParams?.[name];
    if (typeof value !== "string" || value.trim() === "") {
      throw inputError(`${name} is required: pass a non-empty ${name}`);
    }
  }
  if (!Array.isArray(records)) {
    throw inputError("records must be a list of records (a JSON array)");
  }
}

/**
 * Imports any number of records through a bulk create endpoint: checks them locally, sends them 100
 * at a time paced to the org's rate limit, waits for every bulk operation and returns each record's
 * outcome (created, failed, invalid), keyed by its index in the input.
 */
export async function kustomerImport(
  auth: Kustomer,
  resource: KustomerBulkResource,
  records: unknown,
  args: KustomerImportArgs,
): Promise<KustomerImportResult> {
  const started = kustomerImportSettings.now();
  const path = resource.path;
  const options = kustomerImportOptions(args, path);
  kustomerImportCheckInput(auth, resource, records, (message) =>
    kustomerImportInputError("POST", path, [message]),
  );
  const { items, invalid } = kustomerPrepareRecords(records, resource, options.firstIndex);
  const run = new KustomerImportRun(auth, resource, options, started);
  await kustomerWithProgress(
    () => run.run(items),
    () => run.progress(records.length, invalid.length),
  );
  return run.result(invalid);
}

// </kustomer-import>

export {
  KUSTOMER_PRIORITY,
  type KustomerBulkFollow,
  type KustomerBulkResource,
  type KustomerBulkResults,
  type KustomerImportArgs,
  type KustomerImportFailed,
  type KustomerImportInvalid,
  type KustomerImportItem,
  type KustomerImportOptions,
  type KustomerImportResult,
  type KustomerLookup,
  KustomerPacer,
  kustomerAwaitBulk,
  kustomerBulkResults,
  kustomerChunks,
  kustomerErrorMessage,
  kustomerImportOptions,
  kustomerImportSettings,
  kustomerPrepareRecords,
  kustomerReadAgain,
  kustomerResetAt,
  kustomerWithProgress,
};
