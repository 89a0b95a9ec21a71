// The shared sync engine: read every page of a list, export what changed since a cursor (search
// sorted by updatedAt, never past Kustomer's 100-page search cap, no record skipped or repeated
// when many share one updatedAt), and keep a polling trigger's cursor between runs.
//
// Everything between the two marker lines below is stamped, byte for byte, into the scripts that
// use it (export_*, list_all_*, upsert_*, the triggers) by `bun run stamp` (tools/stamp.ts), after the
// shared request block (resources/kustomer.ts) and the import block (resources/bulk-import.ts,
// for its pacer), whose names it uses. Edit it here, never in a script: tests/sync-stamp.test.ts
// fails when a copy drifts. The imports and the exports outside the markers exist for
// type-checking and the tests only.
import {
  KUSTOMER_PRIORITY,
  type KustomerBulkFollow,
  type KustomerBulkResource,
  type KustomerBulkResults,
  type KustomerImportArgs,
  type KustomerImportFailed,
  type KustomerImportInvalid,
  type KustomerImportItem,
  type KustomerImportOptions,
  type KustomerLookup,
  KustomerPacer,
  kustomerAwaitBulk,
  kustomerBulkResults,
  kustomerChunks,
  kustomerErrorMessage,
  kustomerImport,
  kustomerImportCheckInput,
  kustomerImportOptions,
  kustomerImportSettings,
  kustomerPrepareRecords,
  kustomerReadAgain,
  kustomerWithProgress,
} from "./bulk-import.ts";
import {
  KUSTOMER_BULK_LIMIT,
  type Kustomer,
  KustomerError,
  type KustomerObserver,
  type KustomerSchema,
  kustomerApiKey,
  kustomerBaseUrl,
  kustomerDropUnset,
  kustomerRequest,
  kustomerSettings,
  kustomerValidate,
} from "./kustomer.ts";

// <kustomer-sync v1> Do not edit in a script: the source is resources/sync.ts.
// Its entry points (kustomerExport, kustomerListAll, kustomerTrigger, kustomerStateStore,
// kustomerUpsert, kustomerBulkUpsert) are exported, so a script that uses only some of them is still lint-clean.

/**
 * Where an export stands: every record whose (updatedAt, id) is at or before (updatedAt, id) has
 * been returned. `until` is the end (exclusive) of the export in progress, fixed when it started,
 * so that records changed while it runs go to the next export instead of appearing twice.
 */
type KustomerCursor = { updatedAt: string; id?: string; until?: string };

/** What an export script tells the engine: what it reads and how search names it. */
type KustomerExportSource = {
  /** Plural name for messages, e.g. customers. */
  name: string;
  /** Search's queryContext: customer, company, conversation, message, note or kobject_<klass>. */
  queryContext: string;
};

/** The options of an export, as main receives them (a Windmill form may send null or ""). */
type KustomerExportArgs = {
  cursor?: unknown;
  since?: unknown;
  maxRecords?: unknown;
  includeDeleted?: unknown;
  lagSeconds?: unknown;
  deadlineSeconds?: unknown;
  rateShare?: unknown;
  tuning?: {
    pageSize?: unknown;
    searchesPerWindow?: unknown;
    windowSeconds?: unknown;
  } | null;
};

type KustomerExportOptions = {
  start: KustomerCursor;
  maxRecords: number;
  includeDeleted: boolean;
  lagMs: number;
  deadlineMs: number;
  rateShare: number;
  pageSize: number;
  searchesPerWindow: number;
  windowMs: number;
};

/** A record as Kustomer's search returns it (a JSON:API resource). */
type KustomerResource = { type?: string; id: string; attributes: { [field: string]: unknown } };

type KustomerExportSummary = {
  records: number;
  deleted: number;
  searches: number;
  seconds: number;
  /** The end (exclusive) of this export: records changed at or after it come next time. */
  until: string;
  /** Why the export stopped before catching up: maxRecords or the deadline. */
  stoppedBy?: "maxRecords" | "deadline";
};

type KustomerExportResult = {
  /** New or changed records, oldest first (by updatedAt, then id). */
  records: KustomerResource[];
  /** With includeDeleted: records deleted since the cursor, as { id, updatedAt }. */
  deleted: { id: string; updatedAt: string }[];
  /** Pass it to the next call: it goes on where this one stopped. */
  cursor: KustomerCursor;
  /** True when the export caught up with `until`; false when more records wait. */
  done: boolean;
  summary: KustomerExportSummary;
};

/** Kustomer's search serves at most 500 records a page (developer.kustomer.com/docs/concepts/search). */
const KUSTOMER_SEARCH_PAGE_SIZE = 500;

/**
 * The search limit for API keys: 100 searches a minute (developer.kustomer.com/docs/concepts/rate-limits),
 * the default of an export's tuning. Tests with a sandbox replace it (the scripts export it).
 */
export const kustomerSyncSettings = { searchesPerWindow: 100, windowSeconds: 60 };

function kustomerSyncInputError(path: string, problems: string[]): KustomerError {
  return new KustomerError({
    message: `Kustomer POST ${path}: invalid input, nothing was sent:\n- ${problems.join("\n- ")}`,
    status: 0,
    code: "invalid_input",
    method: "POST",
    path,
    errors: problems,
    attempts: 0,
  });
}

/** A number option: its default when unset, else checked against a range. */
function kustomerSyncNumber(
  problems: string[],
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === null || value === "") {
    return fallback;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    problems.push(`${name} must be a number from ${min} to ${max} (got ${JSON.stringify(value)})`);
    return fallback;
  }
  return value;
}

/** An ISO-8601 date-time as Kustomer writes it (UTC, milliseconds), or undefined when invalid. */
function kustomerIsoTime(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A cursor from a previous call, checked: an object { updatedAt, id?, until? }. */
function kustomerReadCursor(problems: string[], value: unknown): KustomerCursor | undefined {
  if (value === undefined || value === null || value === "") {
    return undefined;
  }
  let cursor = value;
  if (typeof cursor === "string") {
    try {
      cursor = JSON.parse(cursor);
    } catch {
      problems.push(
        "cursor must be the cursor a previous export returned ({ updatedAt, id, until })",
      );
      return undefined;
    }
  }
  const fields = (cursor ?? {}) as { updatedAt?: unknown; id?: unknown; until?: unknown };
  const updatedAt = kustomerIsoTime(fields.updatedAt);
  const until = fields.until === undefined ? undefined : kustomerIsoTime(fields.until);
  if (
    typeof cursor !== "object" ||
    updatedAt === undefined ||
    (fields.id !== undefined && typeof fields.id !== "string") ||
    (fields.until !== undefined && until === undefined)
  ) {
    problems.push(
      "cursor must be the cursor a previous export returned: { updatedAt: an ISO date-time, id?: string, until?: an ISO date-time }",
    );
    return undefined;
  }
  return {
    updatedAt,
    id: typeof fields.id === "string" ? fields.id : "",
    ...(until === undefined ? {} : { until }),
  };
}

/** Reads and checks the options; every problem is reported at once, before anything is sent. */
function kustomerExportOptions(
  args: KustomerExportArgs,
  defaults: { maxRecords: number; deadlineSeconds: number },
): KustomerExportOptions {
  const problems: string[] = [];
  const number = (name: string, value: unknown, fallback: number, min: number, max: number) =>
    kustomerSyncNumber(problems, name, value, fallback, min, max);
  const cursor = kustomerReadCursor(problems, args.cursor);
  const sinceSet = args.since !== undefined && args.since !== null && args.since !== "";
  const since = kustomerIsoTime(args.since);
  if (sinceSet && since === undefined) {
    problems.push(
      `since must be an ISO-8601 date-time such as 2024-05-01T00:00:00Z (got ${JSON.stringify(args.since)})`,
    );
  }
  if (cursor && sinceSet) {
    problems.push("pass either cursor (to go on) or since (to start), not both");
  }
  if (
    args.includeDeleted !== undefined &&
    args.includeDeleted !== null &&
    typeof args.includeDeleted !== "boolean"
  ) {
    problems.push("includeDeleted must be true or false");
  }
  const tuning = args.tuning ?? {};
  const options: KustomerExportOptions = {
    start: cursor ?? { updatedAt: since ?? new Date(0).toISOString(), id: "" },
    maxRecords: number(
      "maxRecords",
      args.maxRecords,
      defaults.maxRecords,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    includeDeleted: args.includeDeleted === true,
    lagMs: number("lagSeconds", args.lagSeconds, 30, 0, 3600) * 1000,
    deadlineMs:
      number("deadlineSeconds", args.deadlineSeconds, defaults.deadlineSeconds, 1, 7 * 24 * 3600) *
      1000,
    rateShare: number("rateShare", args.rateShare, 0.8, 0.01, 1),
    pageSize: number(
      "tuning.pageSize",
      tuning.pageSize,
      KUSTOMER_SEARCH_PAGE_SIZE,
      1,
      KUSTOMER_SEARCH_PAGE_SIZE,
    ),
    searchesPerWindow: number(
      "tuning.searchesPerWindow",
      tuning.searchesPerWindow,
      kustomerSyncSettings.searchesPerWindow,
      1,
      100_000,
    ),
    windowMs:
      number(
        "tuning.windowSeconds",
        tuning.windowSeconds,
        kustomerSyncSettings.windowSeconds,
        0.01,
        3600,
      ) * 1000,
  };
  if (!Number.isInteger(options.maxRecords) || !Number.isInteger(options.pageSize)) {
    problems.push("maxRecords and tuning.pageSize must be whole numbers");
  }
  if (problems.length > 0) {
    throw kustomerSyncInputError("/v1/customers/search", problems);
  }
  return options;
}

/**
 * Keeps searches under Kustomer's search limit for API keys (100 a minute,
 * developer.kustomer.com/docs/concepts/rate-limits), on top of the org-wide budget the pacer
 * follows: at most `share` of `limit` searches in any `windowMs`, spread evenly.
 */
class KustomerSearchLimiter {
  private readonly sent: number[] = [];
  private readonly allowed: number;
  private readonly spacingMs: number;
  /** When the next search is due on an even schedule. */
  private dueAt = 0;

  constructor(
    limit: number,
    private readonly windowMs: number,
    share: number,
  ) {
    this.allowed = Math.max(1, Math.floor(limit * share));
    this.spacingMs = windowMs / this.allowed;
  }

  async take(): Promise<void> {
    while (true) {
      const now = kustomerImportSettings.now();
      while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) {
        this.sent.shift();
      }
      // Never more than `allowed` in any window; within that, searches follow an even schedule,
      // and a search that came late (a slow answer) lets the next ones catch up, by at most a
      // tenth of the window.
      const waitMs =
        this.sent.length >= this.allowed
          ? (this.sent[0] ?? now) + this.windowMs - now
          : this.dueAt - now;
      if (waitMs <= 0) {
        this.sent.push(now);
        this.dueAt = Math.max(this.dueAt, now - this.windowMs / 10) + this.spacingMs;
        return;
      }
      await kustomerImportSettings.sleep(waitMs);
    }
  }
}

/** (updatedAt, id) order; ISO-8601 UTC strings sort as text. */
function kustomerCompareKeys(a: { u: string; id: string }, b: { u: string; id: string }): number {
  if (a.u !== b.u) {
    return a.u < b.u ? -1 : 1;
  }
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

function kustomerUpdatedAt(record: KustomerResource): string {
  return kustomerIsoTime(record.attributes?.updatedAt) ?? "";
}

/**
 * Searches for what changed after a cursor, page after page, each page in (updatedAt, id) order.
 *
 * Every request asks for page 1 of a query that starts at the cursor (updatedAt ≥ the cursor's,
 * before `until`, sorted by updatedAt), and drops what the cursor already covers. Paging by
 * moving the query, not by page number, means the 100-page cap is never reached however large
 * the export, and a record that changes (and so leaves the query) while the export runs cannot
 * shift the pages and make another record be skipped. A full page's last updatedAt is left for
 * the next request (it may continue past the page), so every updatedAt is read whole before
 * the cursor passes it. When one updatedAt holds more records than a page (a bulk import), those
 * are read by id (updatedAt = T and id > the last one, sorted by id), then the query moves past T.
 */
class KustomerExportRun {
  readonly stats = { searches: 0 };
  private cursor: KustomerCursor;
  /** The cursor's updatedAt has been read whole: the next query starts after it. */
  private pastCursorTime = false;
  /** The updatedAt being read by id (more records share it than a page holds). */
  private tieTime: string | undefined;
  private finished = false;
  /** The page size of the current request (smaller near maxRecords). */
  private size: number;
  readonly until: string;
  private readonly updatedField: string;
  private readonly idField: string;
  private readonly pacer: KustomerPacer;
  private readonly searchLimiter: KustomerSearchLimiter;

  constructor(
    private readonly auth: Kustomer,
    private readonly source: KustomerExportSource,
    private readonly options: KustomerExportOptions,
    private readonly deadlineAt: number,
  ) {
    const start = options.start;
    this.until =
      start.until ??
      new Date(
        Math.max(Date.parse(start.updatedAt), kustomerImportSettings.now() - options.lagMs),
      ).toISOString();
    this.cursor = { updatedAt: start.updatedAt, id: start.id ?? "" };
    this.size = options.pageSize;
    this.finished = start.updatedAt >= this.until;
    this.updatedField = `${source.queryContext}_updated_at`;
    this.idField = `${source.queryContext}_id`;
    this.pacer = new KustomerPacer(options.rateShare);
    this.searchLimiter = new KustomerSearchLimiter(
      options.searchesPerWindow,
      options.windowMs,
      options.rateShare,
    );
  }

  get done(): boolean {
    return this.finished;
  }

  /** Where the next call goes on; after the last page, the start of the next export. */
  nextCursor(): KustomerCursor {
    return this.finished
      ? { updatedAt: this.until, id: "" }
      : { updatedAt: this.cursor.updatedAt, id: this.cursor.id ?? "", until: this.until };
  }

  /**
   * The next records after the cursor, oldest first, at most `limit` (none when done); moves the
   * cursor.
   */
  async nextPage(limit: number): Promise<KustomerResource[]> {
    while (!this.finished) {
      const size = Math.max(1, Math.min(this.options.pageSize, limit));
      this.size = size;
      const time = this.cursor.updatedAt;
      const afterId = this.pastCursorTime ? "\uffff" : (this.cursor.id ?? "");
      if (this.tieTime === time && !this.pastCursorTime) {
        const records = await this.readTie(time, afterId);
        if (records.length > 0) {
          return records;
        }
        continue;
      }
      const page = await this.search(
        [
          { [this.updatedField]: this.pastCursorTime ? { gt: time } : { gte: time } },
          { [this.updatedField]: { lt: this.until } },
        ],
        [{ [this.updatedField]: "asc" }],
      );
      const keyed = page.map((record) => ({ record, u: kustomerUpdatedAt(record), id: record.id }));
      keyed.sort(kustomerCompareKeys);
      const first = keyed[0];
      const last = keyed.at(-1);
      if (!first || !last) {
        this.finished = true;
        return [];
      }
      if (page.length >= size && first.u === last.u) {
        // One updatedAt fills the page: read that updatedAt by id until it is exhausted.
        const records = await this.readTie(last.u, last.u === time ? afterId : "");
        if (records.length > 0) {
          return records;
        }
        continue;
      }
      // A full page may end in the middle of its last updatedAt: that one is read next time.
      // Every other updatedAt of the page is whole, so the cursor can move past it.
      const take = page.length >= size ? keyed.filter((item) => item.u !== last.u) : keyed;
      const fresh = take.filter((item) => kustomerCompareKeys(item, { u: time, id: afterId }) > 0);
      const end = take.at(-1);
      if (end && kustomerCompareKeys(end, { u: time, id: afterId }) > 0) {
        this.cursor = { updatedAt: end.u, id: end.id };
      }
      this.pastCursorTime = true;
      if (page.length < size) {
        this.finished = true;
      }
      if (fresh.length > 0 || this.finished) {
        return fresh.map((item) => item.record);
      }
    }
    return [];
  }

  /**
   * Records of one updatedAt after `afterId`, by id, a page at a time (the caller comes back for
   * more). When none is left, the cursor moves past that updatedAt.
   */
  private async readTie(time: string, afterId: string): Promise<KustomerResource[]> {
    const criteria: { [field: string]: unknown }[] = [
      { [this.updatedField]: { gte: time } },
      { [this.updatedField]: { lte: time } },
    ];
    if (afterId !== "") {
      criteria.push({ [this.idField]: { gt: afterId } });
    }
    const page = await this.search(criteria, [
      { [this.updatedField]: "asc" },
      { [this.idField]: "asc" },
    ]);
    const records = page
      .filter((record) => kustomerUpdatedAt(record) === time && record.id > afterId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const last = records.at(-1);
    if (last) {
      this.cursor = { updatedAt: time, id: last.id };
      this.pastCursorTime = false;
      this.tieTime = time;
    } else {
      this.cursor = {
        updatedAt: time,
        id: afterId === "\uffff" ? (this.cursor.id ?? "") : afterId,
      };
      this.pastCursorTime = true;
      this.tieTime = undefined;
    }
    return records;
  }

  /** One search (POST /v1/customers/search, page 1), paced; transient failures are tried again. */
  private async search(
    and: { [field: string]: unknown }[],
    sort: { [field: string]: string }[],
  ): Promise<KustomerResource[]> {
    for (let attempt = 1; ; attempt++) {
      await this.searchLimiter.take();
      try {
        this.stats.searches++;
        const response = (await kustomerRequest(this.auth, {
          operation: "CustomerSearch",
          method: "POST",
          path: "/v1/customers/search",
          query: { page: 1, pageSize: this.size },
          body: {
            queryContext: this.source.queryContext,
            and,
            sort,
            ...(this.options.includeDeleted ? { includeDeleted: true } : {}),
          },
          observer: this.pacer.observer(KUSTOMER_PRIORITY.read),
        })) as { data?: unknown } | null;
        const data = Array.isArray(response?.data) ? response.data : [];
        return data.filter(
          (item): item is KustomerResource =>
            item !== null &&
            typeof item === "object" &&
            typeof (item as { id?: unknown }).id === "string",
        );
      } catch (error) {
        // A search only reads, so repeating it is safe (the shared block repeats a POST only on
        // 429): a 5xx or a lost answer is tried again while the deadline allows.
        const transient =
          error instanceof KustomerError &&
          ((error.status === 0 && error.code !== "invalid_input") ||
            error.status === 429 ||
            error.status >= 500);
        const pauseMs = Math.min(10_000, 100 * 2 ** attempt);
        if (
          !transient ||
          attempt >= 6 ||
          kustomerImportSettings.now() + pauseMs > this.deadlineAt
        ) {
          throw error;
        }
        await kustomerImportSettings.sleep(pauseMs);
      }
    }
  }
}

/** Checks auth before anything is sent (the shared block would, but only at the first request). */
function kustomerSyncCheckAuth(auth: Kustomer): void {
  const inputError = (message: string) => kustomerSyncInputError("/v1/customers/search", [message]);
  kustomerApiKey(auth, inputError);
  kustomerBaseUrl(auth, inputError);
}

/**
 * Exports what changed after a cursor (or since a date, or everything): up to maxRecords records,
 * oldest first, and the cursor to go on with. With `write`, every page is handed to it and not
 * kept (a terminal streams them to a file), so memory stays flat however large the export.
 */
export async function kustomerExport(
  auth: Kustomer,
  source: KustomerExportSource,
  args: KustomerExportArgs,
  write?: (records: KustomerResource[]) => Promise<void>,
): Promise<KustomerExportResult> {
  const started = kustomerImportSettings.now();
  const options = kustomerExportOptions(args, {
    maxRecords: write ? Number.MAX_SAFE_INTEGER : 5000,
    deadlineSeconds: write ? 24 * 3600 : 600,
  });
  kustomerSyncCheckAuth(auth);
  const deadlineAt = started + options.deadlineMs;
  const run = new KustomerExportRun(auth, source, options, deadlineAt);
  const records: KustomerResource[] = [];
  const deleted: { id: string; updatedAt: string }[] = [];
  let count = 0;
  let stoppedBy: KustomerExportSummary["stoppedBy"];
  /** The next search, started before the previous page is written: writing overlaps searching. */
  const fetchNext = (): Promise<KustomerResource[]> | undefined => {
    if (run.done) {
      return undefined;
    }
    if (count >= options.maxRecords) {
      stoppedBy = "maxRecords";
      return undefined;
    }
    if (kustomerImportSettings.now() >= deadlineAt) {
      stoppedBy = "deadline";
      return undefined;
    }
    return run.nextPage(options.maxRecords - count);
  };
  let pending = fetchNext();
  while (pending) {
    const page = await pending;
    const live: KustomerResource[] = [];
    for (const record of page) {
      if (options.includeDeleted && record.attributes?.deleted === true) {
        deleted.push({ id: record.id, updatedAt: kustomerUpdatedAt(record) });
      } else {
        live.push(record);
      }
    }
    count += page.length;
    pending = fetchNext();
    if (write) {
      try {
        await write(live);
      } catch (error) {
        pending?.catch(() => undefined);
        throw error;
      }
    } else {
      records.push(...live);
    }
  }
  return {
    records,
    deleted,
    cursor: run.nextCursor(),
    done: run.done,
    summary: {
      records: write ? count - deleted.length : records.length,
      deleted: deleted.length,
      searches: run.stats.searches,
      seconds: Math.round((kustomerImportSettings.now() - started) / 10) / 100,
      until: run.until,
      ...(stoppedBy && !run.done ? { stoppedBy } : {}),
    },
  };
}

/** How a list is read: the operation, its path and query, as kustomerRequest takes them. */
type KustomerListSource = {
  operation: string;
  path: string;
  pathParams?: { [name: string]: unknown };
  query?: { [name: string]: unknown };
  /** Rules for the list's filters (allowed values, ranges), checked before the first request. */
  querySchema?: { [name: string]: KustomerSchema };
  /** The largest page size Kustomer allows on this list (developer.kustomer.com/docs/concepts/pagination). */
  maxPageSize: number;
  /**
   * How the first page is asked for: "page" (page=1 and pageSize, most lists) or "cursor" (count
   * only: the audit log pages by the after/before ids that its links.next carries). Either way the
   * later pages follow links.next as given.
   */
  paging?: "page" | "cursor";
};

type KustomerListAllResult = {
  records: unknown[];
  /** False when maxRecords or the deadline stopped it; `next` then goes on from there. */
  complete: boolean;
  /** The links.next to pass as `from` to go on, or null when complete. */
  next: string | null;
  summary: {
    records: number;
    pages: number;
    seconds: number;
    stoppedBy?: "maxRecords" | "deadline";
  };
};

/**
 * Reads every page of a list, following links.next with the largest page size the list allows
 * (developer.kustomer.com/docs/concepts/pagination: page and pageSize, or count for a cursor
 * list), paced to the org's rate limit, until the last page, maxRecords or the deadline; `from`
 * (a links.next from an earlier call) goes on.
 */
export async function kustomerListAll(
  auth: Kustomer,
  source: KustomerListSource,
  args: { maxRecords?: unknown; deadlineSeconds?: unknown; rateShare?: unknown; from?: unknown },
): Promise<KustomerListAllResult> {
  const started = kustomerImportSettings.now();
  const problems: string[] = [];
  const maxRecords = kustomerSyncNumber(
    problems,
    "maxRecords",
    args.maxRecords,
    10_000,
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const deadlineMs =
    kustomerSyncNumber(problems, "deadlineSeconds", args.deadlineSeconds, 600, 1, 7 * 24 * 3600) *
    1000;
  const rateShare = kustomerSyncNumber(problems, "rateShare", args.rateShare, 0.8, 0.01, 1);
  const from = typeof args.from === "string" ? args.from.trim() : "";
  if (args.from !== undefined && args.from !== null && typeof args.from !== "string") {
    problems.push("from must be the links.next text an earlier call returned as next");
  }
  if (from !== "" && !from.startsWith(source.path.split("{")[0] ?? "/v1/")) {
    problems.push(`from must be a link into ${source.path} (the next an earlier call returned)`);
  }
  if (problems.length > 0) {
    throw new KustomerError({
      message: `Kustomer GET ${source.path}: invalid input, nothing was sent:\n- ${problems.join("\n- ")}`,
      status: 0,
      code: "invalid_input",
      method: "GET",
      path: source.path,
      errors: problems,
      attempts: 0,
    });
  }
  const pacer = new KustomerPacer(rateShare);
  const deadlineAt = started + deadlineMs;
  const records: unknown[] = [];
  let pages = 0;
  let request: {
    path: string;
    pathParams?: { [name: string]: unknown };
    query: { [name: string]: unknown };
    querySchema?: { [name: string]: KustomerSchema };
  } =
    from === ""
      ? {
          path: source.path,
          pathParams: source.pathParams,
          query:
            source.paging === "cursor"
              ? { ...source.query, count: source.maxPageSize }
              : { ...source.query, page: 1, pageSize: source.maxPageSize },
          querySchema: source.querySchema,
        }
      : kustomerSplitLink(from);
  let next: string | null = from === "" ? null : from;
  let stoppedBy: "maxRecords" | "deadline" | undefined;
  while (true) {
    if (records.length >= maxRecords) {
      stoppedBy = "maxRecords";
      break;
    }
    if (kustomerImportSettings.now() >= deadlineAt) {
      stoppedBy = "deadline";
      break;
    }
    const response = (await kustomerRequest(auth, {
      operation: source.operation,
      method: "GET",
      ...request,
      observer: pacer.observer(KUSTOMER_PRIORITY.read),
    })) as { data?: unknown; links?: { next?: unknown } } | null;
    pages++;
    const data = Array.isArray(response?.data)
      ? response.data
      : response?.data
        ? [response.data]
        : [];
    records.push(...data);
    const link = response?.links?.next;
    next = typeof link === "string" && link !== "" && data.length > 0 ? link : null;
    if (next === null) {
      break;
    }
    request = kustomerSplitLink(next);
  }
  return {
    records,
    complete: next === null,
    next,
    summary: {
      records: records.length,
      pages,
      seconds: Math.round((kustomerImportSettings.now() - started) / 10) / 100,
      ...(next !== null && stoppedBy ? { stoppedBy } : {}),
    },
  };
}

/** A links.next (a relative /v1/… path with its query) as kustomerRequest's path and query. */
function kustomerSplitLink(link: string): { path: string; query: { [name: string]: unknown } } {
  const url = new URL(link, "https://kustomer.invalid");
  const query: { [name: string]: unknown } = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
  }
  // The path is sent as given (already encoded); braces would be read as placeholders.
  return { path: url.pathname.replace(/[{}]/g, encodeURIComponent), query };
}

/**
 * Where a trigger keeps its cursor between runs: Windmill's state (kept per schedule or flow
 * step) when the script runs in Windmill, which sets WM_STATE_PATH_NEW or WM_STATE_PATH; else a
 * JSON file, for a terminal: KUSTOMER_TRIGGER_STATE_DIR (default .kustomer-triggers)/<name>.json.
 */
export function kustomerStateStore(name: string): WindmillStateStore {
  const env = typeof process === "undefined" ? {} : process.env;
  const statePath = env.WM_STATE_PATH_NEW || env.WM_STATE_PATH;
  if (statePath) {
    return windmillState(statePath);
  }
  const directory = env.KUSTOMER_TRIGGER_STATE_DIR || ".kustomer-triggers";
  const file = `${directory.replace(/\/+$/, "")}/${name}.json`;
  return {
    where: file,
    get: async () => {
      const handle = Bun.file(file);
      return (await handle.exists()) ? JSON.parse(await handle.text()) : undefined;
    },
    set: async (value) => {
      // Bun.write creates the folder; the state is a few hundred bytes, written in one go.
      await Bun.write(file, JSON.stringify(value, null, 2));
    },
  };
}

// <windmill-state v1> Do not edit in a script or flow step: the source is resources/sync.ts.
// Stamped on its own into the flows' state steps (resources/flows/*/…inline_script.ts) as well.

/** A JSON value kept between runs, and where it is kept (for messages). */
type WindmillStateStore = {
  where: string;
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
};

/**
 * Windmill's state API, called as windmill-client's getState and setState call it: the state is
 * the resource at `path` (of type "state"), read with get_value_interpolated (a 404 means no state
 * yet) and written with update_value, or created on the first write; the worker's WM_TOKEN,
 * BASE_INTERNAL_URL and WM_WORKSPACE address it. Done with fetch so that a step imports nothing:
 * it pastes alone and ships Windmill's lock for a script without dependencies, so a deploy never
 * has to resolve one. https://www.windmill.dev/docs/core_concepts/resources_and_types#states
 */
function windmillState(path: string): WindmillStateStore {
  const env: { [name: string]: string | undefined } =
    typeof process === "undefined" ? {} : process.env;
  if (typeof path !== "string" || path === "") {
    throw new Error("no state path: give the path of a Windmill resource, e.g. f/kustomer/state");
  }
  const root = (env.BASE_INTERNAL_URL || env.BASE_URL || "http://localhost:8000").replace(
    /\/+$/,
    "",
  );
  const resources = `${root}/api/w/${encodeURIComponent(env.WM_WORKSPACE ?? "")}/resources`;
  /** A call of the state API; a 404 is an answer only for a read (no state yet). */
  const call = async (method: string, route: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${resources}/${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${env.WM_TOKEN ?? ""}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const noStateYet = response.status === 404 && route.startsWith("get_value_interpolated/");
    if (!response.ok && !noStateYet) {
      // Windmill's answer, never the token.
      const text = (await response.text()).slice(0, 300);
      throw new Error(`Windmill state ${route.split("/")[0]} failed: ${response.status} ${text}`);
    }
    return response;
  };
  return {
    where: `Windmill state (${path})`,
    get: async () => {
      const response = await call("GET", `get_value_interpolated/${encodeURI(path)}`);
      return response.status === 404 ? undefined : await response.json();
    },
    set: async (value) => {
      const exists = await (await call("GET", `exists/${encodeURI(path)}`)).json();
      if (exists === true) {
        await call("POST", `update_value/${encodeURI(path)}`, { value });
      } else {
        await call("POST", "create", { path, value, resource_type: "state" });
      }
    },
  };
}
// </windmill-state>

/**
 * A polling trigger's run: the records created or changed since the last run, oldest first, at
 * most maxRecords (the rest come next run). The first run, without state, starts from `since` or
 * from now (minus the lag) and returns nothing, instead of replaying history. The new cursor is
 * saved only after every search has succeeded, just before returning: a run that fails half-way
 * saves nothing, and the next run reads the same records again.
 */
export async function kustomerTrigger(
  auth: Kustomer,
  source: KustomerExportSource,
  args: KustomerExportArgs,
  state: WindmillStateStore,
): Promise<KustomerResource[]> {
  const saved = (await state.get()) as { cursor?: unknown } | null | undefined;
  const cursor = saved && typeof saved === "object" ? saved.cursor : undefined;
  if (cursor === undefined) {
    const sinceSet = args.since !== undefined && args.since !== null && args.since !== "";
    if (!sinceSet) {
      kustomerExportOptions(args, { maxRecords: 1000, deadlineSeconds: 600 });
      kustomerSyncCheckAuth(auth);
      const lagMs = kustomerSyncNumber([], "lagSeconds", args.lagSeconds, 30, 0, 3600) * 1000;
      const now = new Date(kustomerImportSettings.now() - lagMs).toISOString();
      await state.set({ cursor: { updatedAt: now, id: "" }, source: source.name });
      return [];
    }
  }
  const result = await kustomerExport(auth, source, {
    ...args,
    ...(cursor === undefined ? {} : { cursor, since: undefined }),
    maxRecords: args.maxRecords ?? 1000,
    deadlineSeconds: args.deadlineSeconds ?? 300,
  });
  await state.set({ cursor: result.cursor, source: source.name });
  return result.records;
}

/** What an upsert script tells the engine: how to find, create and update one record. */
type KustomerUpsertResource = {
  /** Singular name for messages, e.g. customer. */
  name: string;
  create: { operation: string; path: string };
  update: { operation: string; path: string };
  /** Path parameters besides id and externalId (a KObject's klass name). */
  pathParams?: { [name: string]: string };
  /** How to find the record by externalId (the import scripts' lookups). */
  lookup: KustomerLookup;
  /** One record's rules (the bulk create item of Kustomer's official schema). */
  schema: KustomerSchema;
  /**
   * Fields a create takes but an update does not (a conversation's customer): left out of the
   * update and of the comparison (Kustomer shows them as relationships, not attributes).
   */
  createOnly?: string[];
};

type KustomerUpsertResult = {
  action: "created" | "updated" | "unchanged";
  id: string;
  /** The record as Kustomer has it now (its JSON:API resource). */
  record: unknown;
};

/**
 * True when every field of `given` already has that value in `current` (Kustomer's attributes):
 * objects (custom attributes among them) are compared key by key, as an update would merge them;
 * lists item by item; null matches a missing value; dates by the instant they name.
 */
function kustomerHasFields(current: unknown, given: unknown): boolean {
  if (given === null) {
    return current === null || current === undefined;
  }
  if (Array.isArray(given) && given.length === 0 && (current === null || current === undefined)) {
    return true; // an emptied list: Kustomer may answer with no field at all
  }
  if (Array.isArray(given)) {
    return (
      Array.isArray(current) &&
      current.length === given.length &&
      given.every((item, index) => kustomerHasFields(current[index], item))
    );
  }
  if (typeof given === "object") {
    if (current === null || typeof current !== "object" || Array.isArray(current)) {
      return false;
    }
    return Object.entries(given as { [field: string]: unknown }).every(([field, value]) =>
      kustomerHasFields((current as { [field: string]: unknown })[field], value),
    );
  }
  if (typeof given === "string" && typeof current === "string" && given !== current) {
    const dateLike = /^\d{4}-\d{2}-\d{2}/;
    return (
      dateLike.test(given) && dateLike.test(current) && Date.parse(given) === Date.parse(current)
    );
  }
  return given === current;
}

/**
 * The record with this externalId, or undefined when Kustomer has none (a direct read, not search).
 * `observer` paces it (a bulk upsert's pacer); a single upsert sends it as it comes.
 */
async function kustomerFindByExternalId(
  auth: Kustomer,
  resource: Pick<KustomerUpsertResource, "name" | "lookup" | "pathParams">,
  externalId: string,
  observer?: KustomerObserver,
): Promise<{ id: string; attributes: { [field: string]: unknown } } | undefined> {
  const lookup = resource.lookup;
  if (lookup.by === "parent") {
    throw new Error(`${resource.name}: a lookup through a parent is not supported by upserts`);
  }
  let response: unknown;
  try {
    response = await kustomerRequest(auth, {
      operation: lookup.operation,
      method: "GET",
      path: lookup.path,
      pathParams: { ...resource.pathParams, externalId },
      ...(lookup.by === "query" ? { query: { [lookup.parameter]: externalId } } : {}),
      ...(observer ? { observer } : {}),
    });
  } catch (error) {
    if (error instanceof KustomerError && error.status === 404 && lookup.by === "path") {
      return undefined;
    }
    throw error;
  }
  const data = (response as { data?: unknown } | null)?.data;
  const candidates = Array.isArray(data) ? data : data ? [data] : [];
  for (const candidate of candidates) {
    const item = candidate as { id?: unknown; attributes?: { [field: string]: unknown } };
    // A list lookup may answer with other records: only an exact externalId counts.
    if (typeof item.id === "string" && item.attributes?.externalId === externalId) {
      return { id: item.id, attributes: item.attributes };
    }
  }
  return undefined;
}

/**
 * Creates the record when Kustomer has none with its externalId, else updates only the fields
 * given (never the others), or changes nothing when they already hold those values. Two runs that
 * create at once: the second gets 409, reads the record the first created and updates it. A create
 * whose answer is lost is never sent again blindly: the record is looked up first.
 */
export async function kustomerUpsert(
  auth: Kustomer,
  resource: KustomerUpsertResource,
  record: unknown,
): Promise<KustomerUpsertResult> {
  const problems: string[] = [];
  // Blanks dropped, null kept: kustomerRequest sends null on a list field as [] (how a user
  // empties a list). `sent` is what Kustomer will receive, to check and to compare with.
  const body = kustomerDropUnset(record) as { [field: string]: unknown } | undefined;
  const sent = kustomerDropUnset(record, resource.schema) as typeof body;
  if (body === undefined || typeof body !== "object" || Array.isArray(body)) {
    problems.push("record must be an object with at least an externalId");
  }
  const externalId = typeof body?.externalId === "string" ? body.externalId.trim() : "";
  if (externalId === "") {
    problems.push(
      "record.externalId is required: the id of the record in your system, to find it in Kustomer",
    );
  }
  if (body && problems.length === 0) {
    // Required fields are only required to create: an update may give any of the fields.
    for (const problem of kustomerValidate({ ...resource.schema, required: undefined }, sent)) {
      problems.push(
        `record${problem.path.map((part: string | number) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("")} ${problem.message}`,
      );
    }
  }
  for (const [name, value] of Object.entries(resource.pathParams ?? {})) {
    if (typeof value !== "string" || value.trim() === "") {
      problems.push(`${name} is required: pass a non-empty ${name}`);
    }
  }
  if (problems.length > 0 || !body) {
    throw new KustomerError({
      message: `Kustomer upsert ${resource.name}: invalid input, nothing was sent:\n- ${problems.join("\n- ")}`,
      status: 0,
      code: "invalid_input",
      method: "POST",
      path: resource.create.path,
      errors: problems,
      attempts: 0,
    });
  }
  const inputError = (message: string) => kustomerSyncInputError(resource.create.path, [message]);
  kustomerApiKey(auth, inputError);
  kustomerBaseUrl(auth, inputError);
  let existing = await kustomerFindByExternalId(auth, resource, externalId);
  if (!existing) {
    try {
      const created = (await kustomerRequest(auth, {
        operation: resource.create.operation,
        method: "POST",
        path: resource.create.path,
        pathParams: resource.pathParams,
        body,
        bodySchema: resource.schema,
      })) as { data?: { id?: unknown } } | null;
      const id = String(created?.data?.id ?? "");
      return { action: "created", id, record: created?.data ?? null };
    } catch (error) {
      const conflict = error instanceof KustomerError && error.status === 409;
      const lost =
        error instanceof KustomerError &&
        ((error.status === 0 && error.code !== "invalid_input") || error.status >= 500);
      if (!conflict && !lost) {
        throw error;
      }
      // 409: another run created it meanwhile. No answer or a 5xx: the create may have happened.
      existing = await kustomerFindByExternalId(auth, resource, externalId);
      if (!existing) {
        throw error;
      }
      if (lost) {
        return { action: "created", id: existing.id, record: existing };
      }
    }
  }
  const changes: { [field: string]: unknown } = {};
  const expected: { [field: string]: unknown } = {};
  for (const [field, value] of Object.entries(body)) {
    if (!resource.createOnly?.includes(field)) {
      changes[field] = value;
      expected[field] = sent?.[field];
    }
  }
  if (kustomerHasFields(existing.attributes, expected)) {
    return { action: "unchanged", id: existing.id, record: existing };
  }
  const updated = (await kustomerRequest(auth, {
    operation: resource.update.operation,
    method: "PUT",
    path: resource.update.path,
    pathParams: { ...resource.pathParams, id: existing.id },
    body: changes,
    // Checked above; given here so that null on a list goes as [] (required only to create).
    bodySchema: { ...resource.schema, required: undefined },
  })) as { data?: unknown } | null;
  return { action: "updated", id: existing.id, record: updated?.data ?? null };
}

/** What a bulk upsert script tells the engine: the import's bulk create, and the bulk update. */
type KustomerBulkUpsertResource = {
  /** The bulk create, as the import script of the resource describes it (its search is required). */
  create: KustomerBulkResource;
  /** The bulk update: PUT …/bulk, with an array of items that each carry their id. */
  update: { operation: string; path: string };
  /** Fields a create takes but an update does not (a conversation's customer). */
  createOnly?: string[];
  /**
   * The search field is a guess that no Kustomer source documents (a KObject's
   * kobject_<klass>_external_id): until a search has matched a record by it, a batch search finds
   * nothing of is checked by reading its first record directly, and if that record is there the
   * rest of the run reads each record directly (as when search refuses the field with a 400).
   */
  searchGuessed?: true;
};

/** Records found by externalId: their id and attributes. */
type KustomerFound = Map<string, { id: string; attributes: { [field: string]: unknown } }>;

/** A record accounted for by its position in the input, its _clientRef and externalId. */
type KustomerBulkUpsertEntry = { index: number; clientRef: string; externalId: string; id: string };

type KustomerBulkUpsertResult = {
  summary: {
    records: number;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    invalid: number;
    /**
     * How records were looked up: "search" (one search per 100), or "by-externalId" when search
     * refused the field (400) or missed a record it should have found, from then on one direct
     * read per record (GET by externalId).
     */
    lookup: "search" | "by-externalId";
    searches: number;
    /** Direct reads by externalId (the fallback, a guessed field's check, records raced). */
    lookups: number;
    bulkOperations: number;
    requests: number;
    throttled: number;
    seconds: number;
  };
  created: KustomerBulkUpsertEntry[];
  updated: KustomerBulkUpsertEntry[];
  unchanged: KustomerBulkUpsertEntry[];
  failed: KustomerImportFailed[];
  invalid: KustomerImportInvalid[];
};

/** An existing record and the fields of the input that differ from it (what an update sends). */
type KustomerBulkUpsertChange = {
  item: KustomerImportItem;
  id: string;
  changes: { [field: string]: unknown };
};

/**
 * Upserts any number of records by externalId on the import engine: looks them up a batch at a
 * time with one search each (`in` over the batch's externalIds), creates the absent ones through
 * the import (bulk, never sent twice blindly), and updates the present ones in bulk with only the
 * fields given that differ (records already holding every value are not sent: unchanged). A create
 * that fails as a duplicate (another run created it after the search) is read and updated. Every
 * record ends in exactly one of created, updated, unchanged, failed or invalid, by its index.
 * When search refuses the field (400), the rest of the run reads each record directly by
 * externalId instead (paced; 404 = absent), and summary.lookup says "by-externalId".
 */
export async function kustomerBulkUpsert(
  auth: Kustomer,
  resource: KustomerBulkUpsertResource,
  records: unknown,
  args: KustomerImportArgs & { searchesPerWindow?: unknown; windowSeconds?: unknown },
): Promise<KustomerBulkUpsertResult> {
  const started = kustomerImportSettings.now();
  const create = resource.create;
  const path = create.path;
  const options = kustomerImportOptions({ ...args, checkExisting: "never" }, path);
  kustomerImportCheckInput(auth, create, records, (message) =>
    kustomerSyncInputError(path, [message]),
  );
  const search = create.search;
  if (!search) {
    throw new Error(`${create.name}: a bulk upsert needs the resource's search by externalId`);
  }
  // Required fields are only required to create: the create step checks them again (the
  // import's rules) for the records that turn out to be new.
  const { items: prepared, invalid } = kustomerPrepareRecords(
    records,
    { ...create, itemSchema: { ...create.itemSchema, required: undefined } },
    options.firstIndex,
  );
  const items: KustomerImportItem[] = [];
  for (const item of prepared) {
    if (item.externalId === undefined || item.externalId.trim() === "") {
      invalid.push({
        index: item.index,
        clientRef: item.clientRef,
        problems: [
          `records[${item.index}].externalId is required: the id of the record in your system, to find it in Kustomer`,
        ],
      });
    } else {
      items.push(item);
    }
  }
  const follow: KustomerBulkFollow = {
    auth,
    pacer: new KustomerPacer(options.rateShare),
    firstPollMs: options.firstPollMs,
    maxPollMs: options.maxPollMs,
    deadlineAt: started + options.deadlineSeconds * 1000,
  };
  const problems: string[] = [];
  const searches = new KustomerSearchLimiter(
    kustomerSyncNumber(
      problems,
      "searchesPerWindow",
      args.searchesPerWindow,
      kustomerSyncSettings.searchesPerWindow,
      1,
      100_000,
    ),
    kustomerSyncNumber(
      problems,
      "windowSeconds",
      args.windowSeconds,
      kustomerSyncSettings.windowSeconds,
      0.001,
      3600,
    ) * 1000,
    options.rateShare,
  );
  if (problems.length > 0) {
    throw kustomerSyncInputError(path, problems);
  }
  /** How one record is read directly by externalId (the import's lookup). */
  const direct = { name: create.name, lookup: create.lookup, pathParams: create.pathParams };
  const result: KustomerBulkUpsertResult = {
    summary: {
      records: records.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      invalid: 0,
      lookup: "search",
      searches: 0,
      lookups: 0,
      bulkOperations: 0,
      requests: 0,
      throttled: 0,
      seconds: 0,
    },
    created: [],
    updated: [],
    unchanged: [],
    failed: [],
    invalid,
  };
  const entry = (item: KustomerImportItem, id: string): KustomerBulkUpsertEntry => ({
    index: item.index,
    clientRef: item.clientRef,
    externalId: item.externalId ?? "",
    id,
  });
  const fail = (item: KustomerImportItem, code: string, message: string, errors: unknown[] = []) =>
    result.failed.push({
      index: item.index,
      clientRef: item.clientRef,
      externalId: item.externalId,
      code,
      message,
      errors,
    });
  const failLookup = (item: KustomerImportItem, error: unknown) =>
    fail(
      item,
      "lookup_failed",
      `could not look it up by externalId: ${kustomerErrorMessage(error)}; nothing was sent for it`,
    );
  /** Sorts an existing record into unchanged or to update, by what the input gives. */
  const changes: KustomerBulkUpsertChange[] = [];
  const compare = (
    item: KustomerImportItem,
    id: string,
    attributes: { [field: string]: unknown },
  ) => {
    const given: { [field: string]: unknown } = {};
    for (const [field, value] of Object.entries(item.body)) {
      if (field !== "_clientRef" && !resource.createOnly?.includes(field)) {
        given[field] = value;
      }
    }
    if (kustomerHasFields(attributes, given)) {
      result.unchanged.push(entry(item, id));
    } else {
      changes.push({ item, id, changes: given });
    }
  };
  let phase = "looking records up";
  await kustomerWithProgress(
    async () => {
      // 1. One search per batch of 100 externalIds; what search does not find is taken as new.
      // When search refuses the field (a 400), or a guessed field proves blind (a record search
      // missed is there when read directly), the rest of the run reads each record directly.
      const absent: KustomerImportItem[] = [];
      let searchTrusted = resource.searchGuessed !== true;
      const readDirectly = (item: KustomerImportItem) => {
        result.summary.lookups++;
        return kustomerReadAgain(follow, () =>
          kustomerFindByExternalId(
            auth,
            direct,
            item.externalId ?? "",
            follow.pacer.observer(KUSTOMER_PRIORITY.read),
          ),
        );
      };
      const stopSearching = (reason: string) => {
        result.summary.lookup = "by-externalId";
        kustomerSettings.log(
          `upsert (${create.name}): ${reason}; looking the remaining records up one by one by externalId (${create.lookup.operation})`,
        );
      };
      for (let from = 0; from < items.length; from += KUSTOMER_BULK_LIMIT) {
        const batch = items.slice(from, from + KUSTOMER_BULK_LIMIT);
        if (kustomerImportSettings.now() >= follow.deadlineAt) {
          for (const item of batch) {
            fail(
              item,
              "not_sent",
              `not looked up: the upsert reached its deadline of ${options.deadlineSeconds} s; run it again`,
            );
          }
          continue;
        }
        let found: KustomerFound | undefined;
        if (result.summary.lookup === "search") {
          try {
            await searches.take();
            result.summary.searches++;
            found = await kustomerBulkUpsertSearch(follow, search, batch);
          } catch (error) {
            if (error instanceof KustomerError && [401, 403].includes(error.status)) {
              throw error;
            }
            if (!(error instanceof KustomerError && error.status === 400)) {
              for (const item of batch) {
                failLookup(item, error);
              }
              continue;
            }
            stopSearching(`search refused ${search.field}: ${kustomerErrorMessage(error)}`);
          }
        }
        if (found && !searchTrusted) {
          if (found.size > 0) {
            searchTrusted = true; // it matched a record by the field: the field works
          } else {
            // Nothing found may mean all new, or a field search ignores: one direct read tells.
            const [probe] = batch;
            const there = probe ? await readDirectly(probe).catch(() => undefined) : undefined;
            if (there && probe) {
              stopSearching(
                `search by ${search.field} did not find externalId "${probe.externalId}", which Kustomer has`,
              );
              // What search returned is not to be trusted; the probe's own read is, and is kept.
              found = new Map([[probe.externalId ?? "", there]]);
            }
          }
        }
        const failed = new Set<number>();
        if (result.summary.lookup === "by-externalId") {
          const map: KustomerFound = found ?? new Map();
          found = map;
          // Paced by the org's rate limit through the pacer, which queues the batch's reads.
          await Promise.all(
            batch
              .filter((item) => !map.has(item.externalId ?? ""))
              .map(async (item) => {
                if (kustomerImportSettings.now() >= follow.deadlineAt) {
                  failed.add(item.index);
                  fail(
                    item,
                    "not_sent",
                    `not looked up: the upsert reached its deadline of ${options.deadlineSeconds} s; run it again`,
                  );
                  return;
                }
                try {
                  const existing = await readDirectly(item);
                  if (existing) {
                    map.set(item.externalId ?? "", existing);
                  }
                } catch (error) {
                  if (error instanceof KustomerError && [401, 403].includes(error.status)) {
                    throw error;
                  }
                  failed.add(item.index);
                  failLookup(item, error);
                }
              }),
          );
        }
        for (const item of batch) {
          if (failed.has(item.index)) {
            continue;
          }
          const existing = found?.get(item.externalId ?? "");
          if (existing) {
            compare(item, existing.id, existing.attributes);
          } else {
            absent.push(item);
          }
        }
      }
      // 2. The absent ones through the import: bulk creates, never sent twice blindly.
      phase = "creating";
      const racing: KustomerImportItem[] = [];
      if (absent.length > 0) {
        const remaining = Math.max(1, (follow.deadlineAt - kustomerImportSettings.now()) / 1000);
        const imported = await kustomerImport(
          auth,
          create,
          absent.map((item) => item.body),
          {
            checkExisting: "never",
            rateShare: options.rateShare,
            deadlineSeconds: remaining,
            tuning: args.tuning,
          },
        );
        result.summary.bulkOperations += imported.summary.bulkOperations;
        result.summary.requests += imported.summary.requests;
        result.summary.throttled += imported.summary.throttled;
        const byRef = new Map(absent.map((item, position) => [item.clientRef, { item, position }]));
        for (const created of imported.created) {
          const { item } = byRef.get(created.clientRef) ?? {};
          if (!item) {
            continue;
          }
          if (created.existing) {
            racing.push(item); // created meanwhile by someone else: read it, then update it
          } else {
            result.created.push(entry(item, created.id));
          }
        }
        for (const failed of imported.failed) {
          const { item } = byRef.get(failed.clientRef) ?? {};
          if (item) {
            result.failed.push({ ...failed, index: item.index });
          }
        }
        for (const bad of imported.invalid) {
          const item = absent[bad.index];
          if (item) {
            result.invalid.push({
              index: item.index,
              clientRef: item.clientRef,
              problems: bad.problems.map((problem) =>
                problem.replace(`records[${bad.index}]`, `records[${item.index}]`),
              ),
            });
          }
        }
      }
      // 3. Records another run created after the search: read directly, then compared.
      phase = "reading records created meanwhile";
      for (const item of racing) {
        try {
          const existing = await readDirectly(item);
          if (existing) {
            compare(item, existing.id, existing.attributes);
          } else {
            fail(
              item,
              "outcome_unknown",
              `Kustomer refused to create it as a duplicate, yet no record has externalId "${item.externalId}"`,
            );
          }
        } catch (error) {
          fail(
            item,
            "lookup_failed",
            `it was created meanwhile by another run and reading it failed: ${kustomerErrorMessage(error)}`,
          );
        }
      }
      // 4. The changed ones in bulk updates: only the fields given, never the others.
      phase = "updating";
      await kustomerBulkUpsertUpdates(follow, resource, changes, options, result, fail, entry);
    },
    () =>
      `upsert (${create.name}) after ${Math.round((kustomerImportSettings.now() - started) / 1000)} s, ${phase}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged, ${result.failed.length} failed, ${result.invalid.length} invalid of ${records.length}`,
  );
  const byIndex = <T extends { index: number }>(list: T[]) =>
    list.sort((a, b) => a.index - b.index);
  byIndex(result.created);
  byIndex(result.updated);
  byIndex(result.unchanged);
  byIndex(result.failed);
  byIndex(result.invalid);
  Object.assign(result.summary, {
    requests: result.summary.requests + follow.pacer.stats.requests,
    throttled: result.summary.throttled + follow.pacer.stats.throttled,
    created: result.created.length,
    updated: result.updated.length,
    unchanged: result.unchanged.length,
    failed: result.failed.length,
    invalid: result.invalid.length,
    seconds: Math.round((kustomerImportSettings.now() - started) / 100) / 10,
  });
  return result;
}

/** The records of a batch that Kustomer has, by externalId: one search (`in` the batch's externalIds). */
async function kustomerBulkUpsertSearch(
  follow: KustomerBulkFollow,
  search: { queryContext: string; field: string },
  batch: KustomerImportItem[],
): Promise<KustomerFound> {
  const response = (await kustomerReadAgain(follow, () =>
    kustomerRequest(follow.auth, {
      operation: "CustomerSearch",
      method: "POST",
      path: "/v1/customers/search",
      query: { page: 1, pageSize: Math.min(KUSTOMER_SEARCH_PAGE_SIZE, batch.length * 2) },
      body: {
        queryContext: search.queryContext,
        and: [{ [search.field]: { in: batch.map((item) => item.externalId) } }],
      },
      observer: follow.pacer.observer(KUSTOMER_PRIORITY.read),
    }),
  )) as { data?: unknown } | null;
  const found: KustomerFound = new Map();
  for (const record of Array.isArray(response?.data) ? response.data : []) {
    const { id, attributes } = (record ?? {}) as {
      id?: unknown;
      attributes?: { [field: string]: unknown };
    };
    // Search matches loosely (words, case): only an exact externalId counts.
    const externalId = attributes?.externalId;
    if (typeof id === "string" && typeof externalId === "string" && !found.has(externalId)) {
      found.set(externalId, { id, attributes: attributes ?? {} });
    }
  }
  return found;
}

/**
 * Sends the changes in bulk updates (PUT …/bulk, at most 100 items and the request size limit
 * each, every item with its id and _clientRef), follows each bulk operation to the end and
 * records every item as updated or failed. An update is safe to repeat: a record whose update
 * has no clear outcome is reported failed, and a second run finds it unchanged or updates it.
 */
async function kustomerBulkUpsertUpdates(
  follow: KustomerBulkFollow,
  resource: KustomerBulkUpsertResource,
  changes: KustomerBulkUpsertChange[],
  options: KustomerImportOptions,
  result: KustomerBulkUpsertResult,
  fail: (item: KustomerImportItem, code: string, message: string, errors?: unknown[]) => void,
  entry: (item: KustomerImportItem, id: string) => KustomerBulkUpsertEntry,
): Promise<void> {
  const byRef = new Map(changes.map((change) => [change.item.clientRef, change]));
  const items = changes.map((change): KustomerImportItem => {
    const body = { id: change.id, ...change.changes, _clientRef: change.item.clientRef };
    return {
      ...change.item,
      body,
      bytes: new TextEncoder().encode(JSON.stringify(body)).length + 1,
    };
  });
  const queue = kustomerChunks(items);
  const sendOne = async (chunk: KustomerImportItem[]): Promise<void> => {
    if (kustomerImportSettings.now() >= follow.deadlineAt) {
      for (const item of chunk) {
        fail(
          item,
          "not_sent",
          `not updated: the upsert reached its deadline of ${options.deadlineSeconds} s; run it again (records already updated come back unchanged)`,
        );
      }
      return;
    }
    let bulkId: unknown;
    try {
      const response = (await kustomerRequest(follow.auth, {
        operation: resource.update.operation,
        method: "PUT",
        path: resource.update.path,
        pathParams: resource.create.pathParams,
        body: chunk.map((item) => item.body),
        observer: follow.pacer.observer(KUSTOMER_PRIORITY.submit),
      })) as { data?: { id?: unknown } } | null;
      bulkId = response?.data?.id;
    } catch (error) {
      if (error instanceof KustomerError && error.code === "invalid_input") {
        throw error;
      }
      const code = error instanceof KustomerError ? error.code : "update_failed";
      const errors = error instanceof KustomerError ? error.errors : [];
      for (const item of chunk) {
        fail(
          item,
          code,
          `the bulk update was not accepted: ${kustomerErrorMessage(error)}; run the upsert again (an update is safe to repeat)`,
          errors,
        );
      }
      return;
    }
    if (typeof bulkId !== "string") {
      for (const item of chunk) {
        fail(
          item,
          "no_result",
          "Kustomer's answer to the bulk update named no bulk operation; run the upsert again (an update is safe to repeat)",
        );
      }
      return;
    }
    result.summary.bulkOperations++;
    let results: KustomerBulkResults;
    try {
      const waited = await kustomerAwaitBulk(follow, bulkId, options.firstPollMs);
      if (!waited.complete) {
        for (const item of chunk) {
          fail(
            item,
            "bulk_pending",
            `bulk operation ${bulkId} was not complete at the deadline (it goes on in Kustomer): check it with wait_for_bulk_operation`,
          );
        }
        return;
      }
      results = await kustomerBulkResults(follow, bulkId);
    } catch (error) {
      for (const item of chunk) {
        fail(
          item,
          "results_unavailable",
          `could not read bulk operation ${bulkId}: ${kustomerErrorMessage(error)}; check it with wait_for_bulk_operation`,
        );
      }
      return;
    }
    for (const item of chunk) {
      const outcome = results.byClientRef.get(item.clientRef);
      const change = byRef.get(item.clientRef);
      if (outcome?.status === "success" && change) {
        result.updated.push(entry(item, change.id));
      } else if (outcome?.status === "failure") {
        fail(
          item,
          "bulk_item_failed",
          `Kustomer did not update it: ${JSON.stringify(outcome.errors).slice(0, 500)}`,
          outcome.errors,
        );
      } else {
        fail(
          item,
          "no_result",
          `bulk operation ${bulkId} reported no outcome for _clientRef ${item.clientRef}; run the upsert again (an update is safe to repeat)`,
        );
      }
    }
  };
  // As the import does: several bulk operations in flight, each followed to its end.
  const running = new Set<Promise<void>>();
  for (const chunk of queue) {
    const task: Promise<void> = sendOne(chunk).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= options.maxPendingBulks) {
      await Promise.race(running);
    }
  }
  await Promise.all(running);
}

// </kustomer-sync>

export {
  type KustomerBulkUpsertResource,
  type KustomerBulkUpsertResult,
  type KustomerCursor,
  type KustomerExportResult,
  type KustomerExportSource,
  type KustomerResource,
  KustomerSearchLimiter,
  type KustomerUpsertResource,
  kustomerExportOptions,
  kustomerHasFields,
};
