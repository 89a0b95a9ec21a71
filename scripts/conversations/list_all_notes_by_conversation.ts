/**
 * List all notes by conversation
 *
 * Reads every page of GET /v1/conversations/{id}/notes (get_notes_by_conversation.ts) as one flow
 * step: follows links.next with the largest page size Kustomer allows here (100), paced to the
 * org's rate limit, until the last page, maxRecords or deadlineSeconds, and returns the records
 * with `complete` and, when stopped early, `next`: pass it as `from` to go on where it stopped.
 * Runs on Bun, not as //native: all pages can outgrow the native runtime's memory. Generated with
 * get_notes_by_conversation.ts by tools/generate.ts.
 *
 * GET /v1/conversations/{id}/notes
 * Roles (any one): org.permission.note.read, org.user.note.read (legacy)
 * Reference: https://developer.kustomer.com/api/core-resources/get-notes-by-conversation
 */
export async function main(
  auth: Kustomer,
  /** Unique ID of the conversation. */
  id: string,
  /** Stop after this many records (default 10000); `next` then goes on from there. */
  maxRecords?: number,
  /** Stop after this many seconds; Windmill's job timeout is set a little beyond it. */
  deadlineSeconds = 600,
  /** The most of the org's rate limit this read takes (default 0.8). */
  rateShare?: number,
  /** The `next` an earlier call returned, to go on where it stopped. */
  from?: string,
) {
  return await kustomerListAll(
    auth,
    { ...SOURCE, pathParams: { id } },
    { maxRecords, deadlineSeconds, rateShare, from },
  );
}

/** What this step reads (exported for the tests). */
export const SOURCE: KustomerListSource = {
  operation: "GetNotesByConversation",
  path: "/v1/conversations/{id}/notes",
  maxPageSize: 100,
};

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

// <kustomer-shared v1> Do not edit in a script: the source is resources/kustomer.ts.

/**
 * A Kustomer connection (the Windmill resource type `kustomer`). Only `apiKey` is required, so a
 * resource made from the Windmill Hub's `kustomer` type ({ apiKey }) keeps working, in any region.
 * The API host is chosen in this order: `baseUrl`, then `orgName`, then `region`; with none of
 * them, US, and when Kustomer answers that the key belongs to another region, that region's host.
 */
type Kustomer = {
  /** API key (Settings › Security › API Keys). Sent as a Bearer token, never printed. */
  apiKey: string;
  /** Where your org's data lives: us (api.kustomerapp.com), eu (api.prod2…), india (api.prod4…). */
  region?: "us" | "eu" | "india";
  /** Your org name, as in acme.kustomerapp.com: uses acme.api.kustomerapp.com (any region). */
  orgName?: string;
  /** Any other API base URL without /v1, e.g. a local sandbox at http://127.0.0.1:4010. */
  baseUrl?: string;
};

/** A subset of JSON Schema, generated from Kustomer's OpenAPI, used to check input locally. */
type KustomerSchema = {
  type?: "object" | "array" | "string" | "number" | "integer" | "boolean";
  nullable?: boolean;
  properties?: { [field: string]: KustomerSchema };
  required?: string[];
  additionalProperties?: boolean;
  items?: KustomerSchema;
  anyOf?: KustomerSchema[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  maxProperties?: number;
  /** Kustomer custom attributes: the name's suffix (Str, Num, At…) sets the value's type. */
  customAttributes?: boolean;
};

type KustomerRequest = {
  /** The operation's name in Kustomer's reference, sent in the User-Agent. */
  operation: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path template as in Kustomer's reference, e.g. /v1/customers/{id}. */
  path: string;
  pathParams?: { [name: string]: unknown };
  query?: { [name: string]: unknown };
  /** Query parameters that must have a value, e.g. the ids of a bulk delete. */
  requiredQuery?: string[];
  /** Rules for query values (allowed values, ranges), checked before sending. */
  querySchema?: { [name: string]: KustomerSchema };
  body?: unknown;
  bodySchema?: KustomerSchema;
  /** The largest body Kustomer takes on this endpoint, in bytes (default 100 KB). */
  maxBytes?: number;
  /** Told of every attempt, retries included; the import scripts pace themselves with it. */
  observer?: KustomerObserver;
};

/**
 * Sees each HTTP attempt: beforeAttempt is awaited before it is sent (a pacer can hold it back),
 * afterAttempt gets its status (0 when no response came) and the x-ratelimit-* headers.
 */
type KustomerObserver = {
  beforeAttempt(): Promise<void>;
  afterAttempt(status: number, rateLimit: KustomerRateLimit): void;
};

type KustomerProblem = { path: (string | number)[]; message: string; keyword: string };

type KustomerRateLimit = { limit?: number; remaining?: number; reset?: number };

const KUSTOMER_HOSTS = {
  us: "https://api.kustomerapp.com",
  eu: "https://api.prod2.kustomerapp.com",
  india: "https://api.prod4.kustomerapp.com",
};

/** Kustomer's name for each region's pod, as its region-mismatch answer gives it. */
const KUSTOMER_POD_HOSTS: { [pod: string]: string } = {
  prod1: KUSTOMER_HOSTS.us,
  prod2: KUSTOMER_HOSTS.eu,
  prod4: KUSTOMER_HOSTS.india,
};

/**
 * The region found for a key that names none (a resource made from the Hub's kustomer type is
 * only { apiKey }), so that later requests of the same job go to the right host at once.
 */
const kustomerDetectedHosts = new Map<string, string>();

const KUSTOMER_USER_AGENT = "kustomer-windmill-scripts/1.0";

/** Kustomer takes at most 100 records per bulk call (developer.kustomer.com/docs/guides/bulk-operations). */
const KUSTOMER_BULK_LIMIT = 100;

/**
 * Retry and timeout policy. A 429 means the request was not processed, so it is retried for every
 * method. A 5xx, a network error or a timeout may come after the write happened, so only GET, PUT
 * and DELETE (which are safe to repeat) are retried; a POST or PATCH is never sent twice by us.
 */
const kustomerSettings = {
  maxAttempts: 6,
  maxServerErrorRetries: 2,
  /** Longest total wait across retries. Kustomer's rate-limit window is 60 s. */
  maxTotalWaitMs: 90_000,
  backoffBaseMs: 500,
  backoffMaxMs: 20_000,
  attemptTimeoutMs: 30_000,
  /**
   * Kustomer refuses a request body over 100 KB with 413 on most endpoints
   * (https://developer.kustomer.com/kustomer-api-docs/reference/errors); a larger body is refused
   * here, before sending. A request may name its own limit (maxBytes).
   */
  maxRequestBytes: 100_000,
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
  /**
   * Where progress lines go (imports, waits for bulk operations): Windmill puts a Bun job's
   * console output in the job log; from a terminal they go to stderr, so stdout stays JSON.
   */
  // biome-ignore lint/suspicious/noConsole: a Windmill job's log is its console output
  log: (line: string): void => console.log(line),
  /**
   * A long step (an import, a wait for a bulk operation) logs a progress line at least this often:
   * every 30 s in a Windmill job log; kustomerCli sets 5 s, so a terminal is never silent for long.
   */
  progressEveryMs: 30_000,
};

/**
 * How messages name the connection's fields: the resource's fields in Windmill, the environment
 * variables from a terminal (kustomerCli sets them), so a message names what the user set.
 */
const kustomerAuthNames = {
  apiKey: "auth.apiKey",
  region: "auth.region",
  orgName: "auth.orgName",
  baseUrl: "auth.baseUrl",
};

/**
 * Every failure a script reports: bad input (status 0, code "invalid_input"), no response
 * (status 0, code "network_error" or "timeout") or an HTTP error from Kustomer. It never holds the
 * API key: not in the message, a property, the stack or the cause.
 */
class KustomerError extends Error {
  override name = "KustomerError" as const;
  /** HTTP status, or 0 when no response was received (bad input, network error, timeout). */
  readonly status: number;
  /** Kustomer's errors[0].code, else invalid_input, network_error, timeout or http_<status>. */
  readonly code: string;
  readonly method: string;
  /** Path and query of the request (never the host's credentials). */
  readonly path: string;
  /** Kustomer's `errors` array as returned, or the problems found in the input. */
  readonly errors: unknown[];
  /** The x-ratelimit-* headers of the last response, when present. */
  readonly rateLimit: KustomerRateLimit;
  /** How long Kustomer asked us to wait (Retry-After or x-ratelimit-reset), in ms. */
  readonly retryAfterMs: number | undefined;
  /** How many requests were sent (0 when the input was rejected before sending). */
  readonly attempts: number;

  constructor(fields: {
    message: string;
    status: number;
    code: string;
    method: string;
    path: string;
    errors?: unknown[];
    rateLimit?: KustomerRateLimit;
    retryAfterMs?: number;
    attempts: number;
    cause?: unknown;
  }) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.status = fields.status;
    this.code = fields.code;
    this.method = fields.method;
    this.path = fields.path;
    this.errors = fields.errors ?? [];
    this.rateLimit = fields.rateLimit ?? {};
    this.retryAfterMs = fields.retryAfterMs;
    this.attempts = fields.attempts;
  }
}

/** Sends one Kustomer API request with validation, retries and error mapping; see kustomerSettings. */
async function kustomerRequest(auth: Kustomer, request: KustomerRequest): Promise<unknown> {
  const { method } = request;
  const inputError = (message: string, problems: KustomerProblem[] = []) =>
    new KustomerError({
      message: `Kustomer ${method} ${request.path}: ${message}`,
      status: 0,
      code: "invalid_input",
      method,
      path: request.path,
      errors: problems,
      attempts: 0,
    });
  const apiKey = kustomerApiKey(auth, inputError);
  const hostChosen = [auth.baseUrl, auth.orgName, auth.region].some((v) => kustomerText(v) !== "");
  const baseUrl = hostChosen
    ? kustomerBaseUrl(auth, inputError)
    : (kustomerDetectedHosts.get(apiKey) ?? kustomerBaseUrl(auth, inputError));
  const path = kustomerFillPath(request.path, request.pathParams ?? {}, inputError);
  for (const name of request.requiredQuery ?? []) {
    if (kustomerQueryString({ [name]: request.query?.[name] }) === "") {
      throw inputError(`${name} is required: pass a non-empty ${name}`);
    }
  }
  for (const [name, rule] of Object.entries(request.querySchema ?? {})) {
    const value = request.query?.[name];
    if (value !== undefined && value !== null && value !== "") {
      const problems = kustomerValidate(rule, value);
      if (problems.length > 0) {
        const messages = problems.map((item) => `${name} ${item.message}`);
        throw inputError(`invalid input, nothing was sent:\n- ${messages.join("\n- ")}`, problems);
      }
    }
  }
  const pathWithQuery = path + kustomerQueryString(request.query ?? {});
  let payload: string | undefined;
  if (request.body !== undefined) {
    const schema = request.bodySchema;
    // A bulk body stays a list even when empty, so the check below can say what is wrong.
    const body = Array.isArray(request.body)
      ? kustomerDropUnsetItems(request.body, schema?.items)
      : kustomerDropUnset(request.body, schema);
    if (body === undefined) {
      // Say which fields are required, when the schema names some, rather than "nothing set".
      const missing = schema ? kustomerValidate(schema, {}) : [];
      throw missing.length > 0 && (schema?.required?.length ?? 0) > 0
        ? inputError(kustomerDescribeProblems(missing), missing)
        : inputError(
            "body has no fields set: fill in at least one field (null clears a value; null on a list empties it)",
          );
    }
    if (schema) {
      const problems = kustomerValidate(schema, body);
      if (problems.length > 0) {
        throw inputError(kustomerDescribeProblems(problems), problems);
      }
    }
    payload = JSON.stringify(body);
    const limit = request.maxBytes ?? kustomerSettings.maxRequestBytes;
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit: count bytes only when it may matter.
    const bytes = payload.length * 3 > limit ? new TextEncoder().encode(payload).length : 0;
    if (bytes > limit) {
      throw inputError(
        `body is ${bytes} bytes as JSON; Kustomer refuses a request over ${limit} bytes (413 Payload Too Large): send fewer or smaller ${Array.isArray(body) ? "items per request" : "fields"}`,
      );
    }
  }
  const headers: { [name: string]: string } = {
    Authorization: `Bearer ${apiKey}`,
    Accept: "application/json",
    "User-Agent": `${KUSTOMER_USER_AGENT} (${request.operation})`,
  };
  if (payload !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const send = (host: string) =>
    kustomerSend({
      method,
      url: host + pathWithQuery,
      pathWithQuery,
      headers,
      payload,
      apiKey,
      observer: request.observer,
    });
  if (hostChosen) {
    return send(baseUrl);
  }
  try {
    return await send(baseUrl);
  } catch (error) {
    const podHost = kustomerRegionFromMismatch(error);
    if (podHost === undefined || podHost === baseUrl) {
      throw error;
    }
    // No region was set and the key belongs to another one: Kustomer refused the request before
    // doing anything with it, so it is sent once more, to the key's own region.
    kustomerDetectedHosts.set(apiKey, podHost);
    return send(podHost);
  }
}

/**
 * The host of the key's region when Kustomer refused a request for being sent to another region
 * ("Auth token associated with pod prod2 but request is being handled by prod1":
 * https://developer.kustomer.com/docs/get-started/regions-and-base-urls), else undefined.
 */
function kustomerRegionFromMismatch(error: unknown): string | undefined {
  if (!(error instanceof KustomerError) || error.status < 400 || error.status >= 500) {
    return undefined;
  }
  const text = `${error.message} ${JSON.stringify(error.errors ?? [])}`;
  const pod = /associated with pod (prod\d+)/i.exec(text)?.[1]?.toLowerCase();
  return pod === undefined ? undefined : KUSTOMER_POD_HOSTS[pod];
}

const KUSTOMER_KEY_CHARACTERS = /^[\x21-\x7e]+$/;

function kustomerApiKey(auth: Kustomer, inputError: (message: string) => KustomerError): string {
  const names = kustomerAuthNames;
  if (auth === null || typeof auth !== "object") {
    throw inputError(
      "auth is missing: pass a kustomer resource ({ apiKey, region?, orgName?, baseUrl? })",
    );
  }
  const apiKey = typeof auth.apiKey === "string" ? auth.apiKey.trim() : "";
  if (apiKey === "") {
    throw inputError(
      `${names.apiKey} is empty: set the API key from Settings › Security › API Keys`,
    );
  }
  // The key goes in an HTTP header, which takes printable ASCII only; anything else is a copy
  // mistake (a smart quote, an invisible character) that no retry would fix. One test when all is
  // well; the messages below say which mistake it is.
  if (KUSTOMER_KEY_CHARACTERS.test(apiKey)) {
    return apiKey;
  }
  if (/^bearer\s/i.test(apiKey) || /\s/.test(apiKey)) {
    throw inputError(`${names.apiKey} must be the key alone, without 'Bearer ' or spaces`);
  }
  throw inputError(
    `${names.apiKey} holds characters an HTTP header cannot carry (non-ASCII or control characters): copy the key again from Settings › Security › API Keys`,
  );
}

/** The last baseUrl checked, and the origin it gave. */
let kustomerLastBaseUrl: [string, string] = ["", ""];

/** Picks the API host; see https://developer.kustomer.com/docs/get-started/regions-and-base-urls */
function kustomerBaseUrl(auth: Kustomer, inputError: (message: string) => KustomerError): string {
  const names = kustomerAuthNames;
  const baseUrl = kustomerText(auth.baseUrl);
  if (baseUrl !== "" && baseUrl === kustomerLastBaseUrl[0]) {
    return kustomerLastBaseUrl[1]; // checked already: a run sends many requests to one host
  }
  if (baseUrl !== "") {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw inputError(
        `${names.baseUrl} "${baseUrl}" is not a URL: use e.g. https://acme.api.kustomerapp.com`,
      );
    }
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    // The key travels in a header: plain http is only acceptable to this machine (a sandbox).
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      throw inputError(
        `${names.baseUrl} must use https:// (plain http:// only for 127.0.0.1 or localhost)`,
      );
    }
    const origin = url.origin + url.pathname.replace(/\/+$/, "").replace(/\/v1$/, "");
    kustomerLastBaseUrl = [baseUrl, origin];
    return origin;
  }
  const orgName = kustomerText(auth.orgName);
  if (orgName !== "") {
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(orgName)) {
      throw inputError(
        `${names.orgName} "${orgName}" is not an org name: use "acme" for acme.kustomerapp.com`,
      );
    }
    return `https://${orgName.toLowerCase()}.api.kustomerapp.com`;
  }
  const region = kustomerText(auth.region).toLowerCase() || "us";
  if (!Object.hasOwn(KUSTOMER_HOSTS, region)) {
    throw inputError(`${names.region} "${auth.region}" is not one of us, eu, india`);
  }
  return KUSTOMER_HOSTS[region as keyof typeof KUSTOMER_HOSTS];
}

function kustomerText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Fills {name} placeholders with percent-encoded values, e.g. email={email} with a+b@x.io. */
function kustomerFillPath(
  template: string,
  values: { [name: string]: unknown },
  inputError: (message: string) => KustomerError,
): string {
  return template.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
    const value = values[name];
    const text = typeof value === "number" ? String(value) : kustomerText(value);
    if (text === "") {
      throw inputError(`${name} is required: pass a non-empty ${name}`);
    }
    // A comma is legal in a path segment (RFC 3986 sub-delims) and is how the multi-id routes
    // separate ids (/v1/conversations/times/{ids}), so it stays literal; all else is encoded.
    return encodeURIComponent(text).replace(/%2C/g, ",");
  });
}

/** Builds ?a=1&b=x, leaving out values that are undefined, null, empty or empty lists. */
function kustomerQueryString(query: { [name: string]: unknown }): string {
  let empty = true;
  for (const name in query) {
    if (query[name] !== undefined) {
      empty = false;
      break;
    }
  }
  if (empty) {
    return "";
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    // A list (ids) is sent comma-separated, as Kustomer's reference writes it: ids=id1,id2.
    const text = Array.isArray(value)
      ? value.filter((item) => item !== undefined && item !== null && item !== "").join(",")
      : value === undefined || value === null
        ? ""
        : String(value);
    if (text !== "") {
      params.append(name, text);
    }
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/**
 * Windmill's form sends fields the user never touched as "", [] or {}. Sending those would erase
 * data on an update, so they are dropped at every depth; null stays, as the explicit way to clear
 * a value. A list cannot be null in Kustomer's schema, so null on a list field whose schema does
 * not allow null means "empty it" and is sent as [] (the one way to clear tags, emails, phones…).
 * Returns undefined when nothing is left, and the value itself when nothing changed.
 */
function kustomerDropUnset(value: unknown, schema?: KustomerSchema): unknown {
  if (value === undefined || value === "") {
    return undefined;
  }
  if (value === null) {
    return schema?.type === "array" && !schema.nullable ? [] : null;
  }
  if (typeof value !== "object") {
    return value;
  }
  if (Array.isArray(value)) {
    return kustomerDropUnsetItems(value, schema?.items, true);
  }
  const record = value as { [field: string]: unknown };
  let kept: { [field: string]: unknown } | undefined;
  let count = 0;
  for (const field in record) {
    const fieldValue = record[field];
    // Most values are plain text, numbers or booleans: kept as they are, without a call.
    const cleaned =
      fieldValue !== "" && fieldValue !== null && typeof fieldValue !== "object"
        ? fieldValue
        : kustomerDropUnset(fieldValue, kustomerFieldRule(schema, field));
    if (cleaned !== fieldValue && kept === undefined) {
      // Copy only once something differs: most bodies are sent as given.
      kept = {};
      for (const earlier in record) {
        if (earlier === field) {
          break;
        }
        kept[earlier] = record[earlier];
      }
    }
    if (cleaned !== undefined) {
      count++;
      if (kept !== undefined) {
        kept[field] = cleaned;
      }
    }
  }
  return count === 0 ? undefined : (kept ?? record);
}

/**
 * A field's rule in an object schema: from its properties, or, for a body Kustomer accepts in
 * several shapes (anyOf: a conversation update, a draft), from the first shape that has the field,
 * so that null on a list field empties it there too.
 */
function kustomerFieldRule(
  schema: KustomerSchema | undefined,
  field: string,
): KustomerSchema | undefined {
  const rule = schema?.properties?.[field];
  if (rule !== undefined || schema?.anyOf === undefined) {
    return rule;
  }
  for (const shape of schema.anyOf) {
    const shapeRule = kustomerFieldRule(shape, field);
    if (shapeRule !== undefined) {
      return shapeRule;
    }
  }
  return undefined;
}

/**
 * The items of a list without their blanks. A bulk body (emptyIsUnset false) stays a list even
 * when empty, so the check can say what is wrong; a field's list left empty is a form blank.
 */
function kustomerDropUnsetItems(
  items: unknown[],
  schema: KustomerSchema | undefined,
  emptyIsUnset = false,
): unknown[] | undefined {
  let kept: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const cleaned = kustomerDropUnset(item, schema);
    if (cleaned !== item && kept === undefined) {
      kept = items.slice(0, index);
    }
    if (kept !== undefined && cleaned !== undefined) {
      kept.push(cleaned);
    }
  }
  const result = kept ?? items;
  return emptyIsUnset && result.length === 0 ? undefined : result;
}

/** Custom attribute names end in a suffix that sets their type (developer.kustomer.com/docs/concepts/custom-attributes). */
const KUSTOMER_CUSTOM_SUFFIX = /^[a-zA-Z][a-zA-Z0-9]*?(Str|Txt|Num|At|Bool|Url|Id)$/;

/**
 * Checks a value against a schema; returns every problem found (at most 20). The path is one
 * array, pushed and popped on the way down and copied only into a problem, so a valid body costs
 * no allocation per field.
 */
function kustomerValidate(
  schema: KustomerSchema,
  value: unknown,
  path: (string | number)[] = [],
  problems: KustomerProblem[] = [],
): KustomerProblem[] {
  if (problems.length >= 20) {
    return problems;
  }
  if (value === null) {
    if (!schema.nullable && schema.type !== undefined) {
      kustomerProblem(problems, path, "type", `must be ${kustomerTypeName(schema)} (got null)`);
    }
    return problems;
  }
  if (schema.anyOf) {
    const attempts = schema.anyOf.map((option) => kustomerValidate(option, value, [...path]));
    if (!attempts.some((found) => found.length === 0)) {
      // Name what the nearest shape lacks, so the message says what to fix.
      const closest = attempts.reduce((best, found) => (found.length < best.length ? found : best));
      if (attempts.length === 1) {
        problems.push(...closest);
        return problems;
      }
      const hint = closest[0]
        ? `; the closest fails at ${kustomerDescribeProblems([closest[0]]).split("\n- ")[1]}`
        : "";
      kustomerProblem(
        problems,
        path,
        "anyOf",
        `does not match any of the ${attempts.length} shapes Kustomer accepts here${hint}`,
      );
      return problems;
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    kustomerProblem(
      problems,
      path,
      "enum",
      `must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(", ")} (got ${kustomerShow(value)})`,
    );
    return problems;
  }
  const expected = schema.type;
  const actual = typeof value;
  const typeOk =
    expected === undefined ||
    (expected === "array"
      ? Array.isArray(value)
      : expected === "object"
        ? actual === "object" && !Array.isArray(value)
        : expected === "integer"
          ? Number.isInteger(value)
          : expected === "number"
            ? actual === "number" && Number.isFinite(value)
            : expected === actual);
  if (!typeOk) {
    kustomerProblem(
      problems,
      path,
      "type",
      `must be ${kustomerTypeName(schema)} (got ${kustomerShow(value)})`,
    );
    return problems;
  }
  if (actual === "string") {
    kustomerCheckString(schema, value as string, path, problems);
  } else if (actual === "number") {
    const number = value as number;
    if (schema.minimum !== undefined && number < schema.minimum) {
      kustomerProblem(
        problems,
        path,
        "minimum",
        `must be at least ${schema.minimum} (got ${number})`,
      );
    }
    if (schema.maximum !== undefined && number > schema.maximum) {
      kustomerProblem(
        problems,
        path,
        "maximum",
        `must be at most ${schema.maximum} (got ${number})`,
      );
    }
  } else if (Array.isArray(value)) {
    kustomerCheckArray(schema, value, path, problems);
  } else if (actual === "object") {
    kustomerCheckObject(schema, value as { [field: string]: unknown }, path, problems);
  }
  return problems;
}

function kustomerProblem(
  problems: KustomerProblem[],
  path: (string | number)[],
  keyword: string,
  message: string,
): void {
  problems.push({ path: [...path], message, keyword });
}

/** A value as a message shows it: short values as JSON, long ones cut, objects by kind. */
function kustomerShow(value: unknown): string {
  if (Array.isArray(value)) {
    return "a list";
  }
  if (value !== null && typeof value === "object") {
    return "an object";
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function kustomerCheckString(
  schema: KustomerSchema,
  value: string,
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    kustomerProblem(
      problems,
      path,
      "minLength",
      `must be at least ${schema.minLength} characters (got ${kustomerShow(value)})`,
    );
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    kustomerProblem(
      problems,
      path,
      "maxLength",
      `is ${value.length} characters long; at most ${schema.maxLength} allowed`,
    );
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    kustomerProblem(
      problems,
      path,
      "pattern",
      `does not match the pattern Kustomer requires: ${schema.pattern} (got ${kustomerShow(value)})`,
    );
  }
}

function kustomerCheckArray(
  schema: KustomerSchema,
  value: unknown[],
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  const isBulkBody = path.length === 0 && schema.maxItems === KUSTOMER_BULK_LIMIT;
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    kustomerProblem(
      problems,
      path,
      "minItems",
      `has ${value.length} items; pass at least ${schema.minItems}`,
    );
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    kustomerProblem(
      problems,
      path,
      "maxItems",
      isBulkBody
        ? `has ${value.length} items; Kustomer takes at most ${KUSTOMER_BULK_LIMIT} per bulk request: split the list into chunks of ${KUSTOMER_BULK_LIMIT} and send one request per chunk`
        : `has ${value.length} items; at most ${schema.maxItems} allowed`,
    );
  }
  const items = schema.items;
  if (items) {
    for (let index = 0; index < value.length && problems.length < 20; index++) {
      path.push(index);
      kustomerValidate(items, value[index], path, problems);
      path.pop();
    }
  }
}

function kustomerCheckObject(
  schema: KustomerSchema,
  value: { [field: string]: unknown },
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  if (schema.maxProperties !== undefined) {
    const count = Object.keys(value).length;
    if (count > schema.maxProperties) {
      kustomerProblem(
        problems,
        path,
        "maxProperties",
        `has ${count} fields; at most ${schema.maxProperties} allowed`,
      );
    }
  }
  for (const field of schema.required ?? []) {
    if (value[field] === undefined) {
      path.push(field);
      kustomerProblem(problems, path, "required", "is required");
      path.pop();
    }
  }
  const properties = schema.properties;
  for (const field in value) {
    const fieldValue = value[field];
    if (fieldValue === undefined) {
      continue; // not sent: JSON leaves it out
    }
    const fieldSchema = properties?.[field];
    path.push(field);
    if (fieldSchema) {
      kustomerValidate(fieldSchema, fieldValue, path, problems);
    } else if (schema.customAttributes) {
      kustomerCheckCustomAttribute(field, fieldValue, path, problems);
    } else if (schema.additionalProperties === false) {
      const known = Object.keys(properties ?? {});
      const lower = field.toLowerCase();
      const guess = known.find((name) => name.toLowerCase() === lower);
      kustomerProblem(
        problems,
        path,
        "additionalProperties",
        `is not a field Kustomer accepts here${guess ? ` (did you mean "${guess}"?)` : ""}`,
      );
    }
    path.pop();
  }
}

/** What each custom attribute suffix takes: its description and its check. */
const KUSTOMER_CUSTOM_TYPES: { [suffix: string]: [string, (value: unknown) => boolean] } = {
  Str: ["a string of at most 1024 characters", (v) => typeof v === "string" && v.length <= 1024],
  Txt: ["a string", (v) => typeof v === "string"],
  Num: ["a number", (v) => typeof v === "number" && Number.isFinite(v)],
  At: [
    "an ISO-8601 date-time string",
    (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)),
  ],
  Bool: ["a boolean", (v) => typeof v === "boolean"],
  Url: ["a URL string", (v) => typeof v === "string" && URL.canParse(v)],
  Id: ["an id string", (v) => typeof v === "string" && v !== ""],
};

function kustomerCheckCustomAttribute(
  name: string,
  value: unknown,
  path: (string | number)[],
  problems: KustomerProblem[],
): void {
  const suffix = KUSTOMER_CUSTOM_SUFFIX.exec(name)?.[1];
  if (suffix === undefined) {
    kustomerProblem(
      problems,
      path,
      "customAttributeName",
      "must end in a type suffix: Str, Txt, Num, At, Bool, Url or Id (e.g. tierStr, ordersNum)",
    );
    return;
  }
  if (value === null) {
    return;
  }
  const [description, accepts] = KUSTOMER_CUSTOM_TYPES[suffix] ?? ["a value", () => true];
  if (!accepts(value)) {
    kustomerProblem(
      problems,
      path,
      "customAttributeType",
      `must be ${description} or null (its name ends in ${suffix}; got ${kustomerShow(value)})`,
    );
  }
}

function kustomerTypeName(schema: KustomerSchema): string {
  const names = {
    object: "an object",
    array: "an array",
    string: "a string",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
  };
  const name = schema.type ? names[schema.type] : "a value";
  return schema.nullable ? `${name} or null` : name;
}

/** Renders problems as one line per problem: body.emails[0].email is required. */
function kustomerDescribeProblems(problems: KustomerProblem[]): string {
  const lines = problems.map((item) => {
    const where = item.path
      .map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`))
      .join("");
    return `body${where} ${item.message}`;
  });
  return `invalid input, nothing was sent:\n- ${lines.join("\n- ")}`;
}

type KustomerAttempt = {
  method: string;
  url: string;
  pathWithQuery: string;
  headers: { [name: string]: string };
  payload: string | undefined;
  apiKey: string;
  observer?: KustomerObserver;
};

async function kustomerSend(attempt: KustomerAttempt): Promise<unknown> {
  const { method, pathWithQuery, apiKey } = attempt;
  const canRepeat = method === "GET" || method === "PUT" || method === "DELETE";
  const mayHaveRun =
    "not retried automatically: the request may have been processed, so check in Kustomer (for example look the record up by externalId) before sending it again";
  let waitedMs = 0;
  let serverErrorRetries = 0;
  for (let attemptNumber = 1; ; attemptNumber++) {
    await attempt.observer?.beforeAttempt();
    const outcome = await kustomerFetchOnce(attempt);
    attempt.observer?.afterAttempt(
      "response" in outcome ? outcome.response.status : 0,
      "response" in outcome ? kustomerRateLimit(outcome.response.headers) : {},
    );
    const fail = (fields: {
      message: string;
      status: number;
      code: string;
      errors?: unknown[];
      retryAfterMs?: number;
      cause?: unknown;
    }) =>
      new KustomerError({
        ...fields,
        message: kustomerRedact(
          `Kustomer ${method} ${pathWithQuery} failed: ${fields.message}`,
          apiKey,
        ),
        method,
        path: pathWithQuery,
        rateLimit: "response" in outcome ? kustomerRateLimit(outcome.response.headers) : {},
        attempts: attemptNumber,
      });
    /** Waits before repeating a GET, PUT or DELETE, when retries and waiting budget are left. */
    const mayRetry = async (waitMs: number): Promise<boolean> => {
      if (
        !canRepeat ||
        serverErrorRetries >= kustomerSettings.maxServerErrorRetries ||
        attemptNumber >= kustomerSettings.maxAttempts ||
        waitedMs + waitMs > kustomerSettings.maxTotalWaitMs
      ) {
        return false;
      }
      serverErrorRetries++;
      waitedMs += waitMs;
      await kustomerSettings.sleep(waitMs);
      return true;
    };
    if ("failure" in outcome) {
      const { code, detail, reached } = outcome.failure;
      if (await mayRetry(kustomerBackoff(serverErrorRetries + 1))) {
        continue;
      }
      const advice = canRepeat
        ? `gave up after ${attemptNumber} attempt(s)`
        : reached
          ? mayHaveRun
          : "the request did not reach the server, so nothing was processed";
      throw fail({ message: `${detail}; ${advice}`, status: 0, code, cause: new Error(detail) });
    }
    const { response, text } = outcome;
    const status = `${response.status} ${kustomerStatusText(response)}`.trim();
    if (response.status >= 300 && response.status < 400) {
      // Redirects are not followed: the key would go along to wherever it points, and Kustomer's
      // API does not redirect; the base URL is wrong.
      const location = response.headers.get("location") ?? "nowhere (no Location header)";
      throw fail({
        message: `${status}: the server redirects to ${location}; redirects are not followed (the API key would go along): set ${kustomerAuthNames.baseUrl} (or ${kustomerAuthNames.region}) to the API host itself; not retried`,
        status: response.status,
        code: "redirect",
      });
    }
    if (response.ok) {
      if (response.status === 204 || text.trim() === "") {
        return null;
      }
      try {
        return JSON.parse(text);
      } catch {
        // A proxy's page or a cut-off answer is not a success: say what came back.
        const type = response.headers.get("content-type") ?? "no content type";
        const json = /json/i.test(type);
        if (json && (await mayRetry(kustomerBackoff(serverErrorRetries + 1)))) {
          continue;
        }
        const start = text.slice(0, 80).replace(/\s+/g, " ").trim();
        const what = json
          ? `${type} that is not complete JSON (cut off after ${text.length} characters?)`
          : `${type}, not Kustomer's JSON`;
        const hint = json
          ? ""
          : `: is ${kustomerAuthNames.baseUrl} the API host (https://api.kustomerapp.com, or your org's https://<org>.api.kustomerapp.com)?`;
        const advice = canRepeat ? "" : `; ${mayHaveRun}`;
        throw fail({
          message: `${status} answered with ${what}, starting "${start}"${hint}${advice}`,
          status: response.status,
          code: "invalid_response",
        });
      }
    }
    const errors = kustomerErrorList(text, apiKey);
    const summary = status + kustomerErrorText(errors, text);
    const code = kustomerErrorCode(errors) ?? `http_${response.status}`;
    // The rate-limit reset only says when a throttled request may go again; a 5xx waits only
    // when the server sends Retry-After.
    const retryAfterMs = kustomerRetryAfterMs(response.headers, response.status === 429);
    if (response.status === 429) {
      // A throttled request was not processed, so repeating it is safe for every method.
      const waitMs = retryAfterMs ?? kustomerBackoff(attemptNumber);
      const withinBudget = waitedMs + waitMs <= kustomerSettings.maxTotalWaitMs;
      if (attemptNumber < kustomerSettings.maxAttempts && withinBudget) {
        waitedMs += waitMs;
        await kustomerSettings.sleep(waitMs);
        continue;
      }
      const budgetS = Math.round(kustomerSettings.maxTotalWaitMs / 1000);
      const reason = withinBudget
        ? `gave up after ${attemptNumber} attempt(s) and ${Math.round(waitedMs / 1000)} s of waiting`
        : `Kustomer asked to wait ${Math.ceil(waitMs / 1000)} s, more than the ${Math.max(0, Math.round((kustomerSettings.maxTotalWaitMs - waitedMs) / 1000))} s left of the ${budgetS} s waiting budget (waited ${Math.round(waitedMs / 1000)} s over ${attemptNumber} attempt(s))`;
      const advice = `rate limited by Kustomer (the org-wide budget is shared by every key); ${reason}: retry later or send fewer requests (bulk endpoints take 100 records per request)`;
      throw fail({ message: `${summary}; ${advice}`, status: 429, code, errors, retryAfterMs });
    }
    // 501 Not Implemented and 505 HTTP Version Not Supported say the server will never do it:
    // not worth repeating, and nothing was processed.
    const serverError =
      response.status >= 500 && response.status !== 501 && response.status !== 505;
    if (serverError && (await mayRetry(retryAfterMs ?? kustomerBackoff(serverErrorRetries + 1)))) {
      continue;
    }
    const note =
      serverError && !canRepeat
        ? `; ${mayHaveRun}`
        : serverError
          ? `; gave up after ${attemptNumber} attempt(s)`
          : "";
    throw fail({ message: summary + note, status: response.status, code, errors, retryAfterMs });
  }
}

type KustomerOutcome =
  | { response: Response; text: string }
  | {
      failure: {
        code: "network_error" | "timeout";
        detail: string;
        /** False when the request surely never reached the server (connection refused). */
        reached: boolean;
      };
    };

/** One request with a per-attempt timeout that also covers reading the body. */
async function kustomerFetchOnce(attempt: KustomerAttempt): Promise<KustomerOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), kustomerSettings.attemptTimeoutMs);
  try {
    const response = await fetch(attempt.url, {
      method: attempt.method,
      headers: attempt.headers,
      body: attempt.payload,
      signal: controller.signal,
      redirect: "manual",
    });
    const text = await response.text();
    return { response, text };
  } catch (error) {
    if (controller.signal.aborted) {
      return {
        failure: {
          code: "timeout",
          detail: `no answer within ${kustomerSettings.attemptTimeoutMs} ms`,
          reached: true,
        },
      };
    }
    return { failure: kustomerNetworkFailure(error, attempt) };
  } finally {
    clearTimeout(timer);
  }
}

/** Names the host and what went wrong, in words rather than the runtime's internal text. */
function kustomerNetworkFailure(
  error: unknown,
  attempt: KustomerAttempt,
): { code: "network_error"; detail: string; reached: boolean } {
  const url = new URL(attempt.url);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const where = `${url.hostname}:${port}`;
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  if (code === "ECONNREFUSED" || code === "ConnectionRefused") {
    return {
      code: "network_error",
      detail: `could not connect to ${where}: connection refused (nothing listens there; check ${kustomerAuthNames.baseUrl} and that the server runs)`,
      reached: false,
    };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return {
      code: "network_error",
      detail: `could not find the host ${url.hostname} (DNS lookup failed: check ${kustomerAuthNames.baseUrl} or ${kustomerAuthNames.orgName}, and the network)`,
      reached: false,
    };
  }
  const raw = error instanceof Error ? error.message : String(error);
  const words = raw
    .replace(/Is the computer able to access the url\??/i, "")
    .replace(/For more information, pass `verbose: true`[^.]*\.?/i, "")
    .trim();
  return {
    code: "network_error",
    detail: `network error talking to ${where}: ${kustomerRedact(words || code || "connection failed", attempt.apiKey)}`,
    reached: true,
  };
}

/** HTTP/2 responses carry no reason phrase; these are the statuses Kustomer documents. */
function kustomerStatusText(response: Response): string {
  const known: { [status: number]: string } = {
    200: "OK",
    201: "Created",
    202: "Accepted",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    413: "Payload Too Large",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
  };
  return response.statusText || known[response.status] || "";
}

function kustomerErrorList(text: string, apiKey: string): unknown[] {
  try {
    const parsed = JSON.parse(kustomerRedact(text, apiKey));
    return Array.isArray(parsed?.errors) ? parsed.errors : [];
  } catch {
    return [];
  }
}

/**
 * Kustomer answers errors in two shapes: { errors: [{ code, message, meta }] } and JSON:API
 * { errors: [{ status, code, title, detail, source: { pointer | parameter } }] }.
 * See https://developer.kustomer.com/docs/concepts/errors
 */
function kustomerErrorText(errors: unknown[], text: string): string {
  const parts = errors.slice(0, 3).map((error) => {
    const item = (error ?? {}) as {
      message?: unknown;
      detail?: unknown;
      title?: unknown;
      source?: { pointer?: unknown; parameter?: unknown };
    };
    const words = [item.message, item.detail, item.title].find(
      (part) => typeof part === "string" && part !== "",
    );
    const where = item.source?.pointer ?? item.source?.parameter;
    return [words, typeof where === "string" ? `(at ${where})` : undefined]
      .filter(Boolean)
      .join(" ");
  });
  const joined = parts.filter((part) => part !== "").join("; ");
  if (joined !== "") {
    return `: ${joined}`;
  }
  const raw = text.trim().slice(0, 300);
  return raw === "" ? "" : `: ${raw}`;
}

function kustomerErrorCode(errors: unknown[]): string | undefined {
  const code = (errors[0] as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

function kustomerRateLimit(headers: Headers): KustomerRateLimit {
  const read = (name: string) => {
    const value = Number(headers.get(name) ?? Number.NaN);
    return Number.isFinite(value) ? value : undefined;
  };
  const limits: KustomerRateLimit = {};
  const limit = read("x-ratelimit-limit");
  const remaining = read("x-ratelimit-remaining");
  const reset = read("x-ratelimit-reset");
  if (limit !== undefined) {
    limits.limit = limit;
  }
  if (remaining !== undefined) {
    limits.remaining = remaining;
  }
  if (reset !== undefined) {
    limits.reset = reset;
  }
  return limits;
}

/**
 * How long to wait before retrying: Retry-After (seconds or a date) if sent, else
 * x-ratelimit-reset, whose unit Kustomer does not document: a large number is read as an epoch
 * time (seconds or ms), a small one as seconds to wait (https://developer.kustomer.com/docs/concepts/rate-limits).
 */
function kustomerRetryAfterMs(headers: Headers, useRateLimitReset = true): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) {
      return Math.max(0, seconds * 1000);
    }
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) {
      return Math.max(0, date - Date.now());
    }
  }
  const reset = Number(headers.get("x-ratelimit-reset") ?? Number.NaN);
  if (!useRateLimitReset || !Number.isFinite(reset) || reset < 0) {
    return undefined;
  }
  // A reset time already passed by our clock still means "soon" to the server: wait a little.
  const minimumMs = 250;
  if (reset > 1e12) {
    return Math.max(minimumMs, reset - Date.now());
  }
  if (reset > 1e9) {
    return Math.max(minimumMs, reset * 1000 - Date.now());
  }
  return Math.max(minimumMs, reset * 1000);
}

/** Capped exponential backoff with jitter (half fixed, half random). */
function kustomerBackoff(retryNumber: number): number {
  const capped = Math.min(
    kustomerSettings.backoffMaxMs,
    kustomerSettings.backoffBaseMs * 2 ** (retryNumber - 1),
  );
  return Math.round(capped / 2 + Math.random() * (capped / 2));
}

function kustomerRedact(text: string, apiKey: string): string {
  const withoutKey = apiKey.length >= 4 ? text.split(apiKey).join("[redacted]") : text;
  return withoutKey.replace(/Bearer\s+[^\s"',]+/gi, "Bearer [redacted]");
}

/**
 * Terminal use: `bun run scripts/x.ts --param value`. Flags are main's parameter names; a value is
 * JSON (text for text parameters), `@file.json` reads a file and `@-` standard input. The key comes
 * from KUSTOMER_API_KEY, never from the command line. Exit codes: KUSTOMER_EXIT. Output goes
 * through Bun.write and console.error: process.stdout would load Node's stream modules, which
 * cost more than the rest of `--help`.
 */
function kustomerCli(
  entry: (...args: never[]) => Promise<unknown>,
  scriptPath: string,
): Promise<unknown> {
  // Only what main's signature and --help need: the script down to its first stamped block (a
  // tenth of the file), read synchronously (Bun.file().text() starts a thread pool, several ms in
  // a cold process), and decoded in growing steps so that a long header is still read whole.
  const bytes = Bun.mmap(scriptPath);
  const decoder = new TextDecoder();
  let source = "";
  for (let size = 16_384; ; size *= 4) {
    source = decoder.decode(bytes.subarray(0, size));
    const end = source.indexOf("\n// <kustomer-");
    if (end >= 0 || size >= bytes.length) {
      source = end >= 0 ? source.slice(0, end) : source;
      break;
    }
  }
  const signature = kustomerSignature(source);
  const at = scriptPath.indexOf("scripts/");
  const script = at < 0 ? scriptPath : scriptPath.slice(at);
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    // Help is answered here, before the runner below is first called: compiling that long async
    // function costs a cold process more than building the whole help text. console.log is
    // Bun's native writer, faster to start than Bun.write (and than Node's process.stdout).
    // biome-ignore lint/suspicious/noConsole: the terminal's help goes to stdout
    console.log(kustomerHelp(source, signature, script));
    return Promise.resolve();
  }
  return kustomerCliRun(entry, signature, script, argv);
}

/** The terminal run: flags to main's arguments, the environment to the connection, the result. */
async function kustomerCliRun(
  entry: (...args: never[]) => Promise<unknown>,
  signature: KustomerParameter[],
  script: string,
  argv: string[],
): Promise<void> {
  const usage = (message: string): never => {
    console.error(`${message}\nRun "bun run ${script} --help" for the parameters.`);
    process.exit(KUSTOMER_EXIT.usage);
  };
  const values: { [name: string]: unknown } = {};
  let stdinUsed = false;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? "";
    const match = /^--([A-Za-z_][\w]*)(?:=(.*))?$/s.exec(flag);
    if (!match) {
      usage(`Unexpected argument "${flag}": pass values as --name value`);
      return;
    }
    const name = match[1] ?? "";
    const parameter = signature.find((item) => item.name === name);
    if (!parameter || name === "auth") {
      const guess = name === "auth" ? undefined : kustomerNearest(name, signature);
      // No near miss: a short list of what the script takes says more than "see --help".
      const flags = signature.slice(1).map((item) => `--${item.name}`);
      const hint = guess
        ? ` (did you mean --${guess}?)`
        : flags.length === 0
          ? " (this script takes no parameters)"
          : flags.length <= 6
            ? ` (this script takes ${flags.join(", ")})`
            : "";
      usage(
        name === "auth"
          ? "Unknown parameter --auth: the connection comes from KUSTOMER_API_KEY and KUSTOMER_BASE_URL, KUSTOMER_ORG_NAME or KUSTOMER_REGION"
          : `Unknown parameter --${name}${hint}`,
      );
      return;
    }
    if (name in values) {
      usage(`--${name} is given twice: pass it once`);
    }
    const raw = match[2] ?? argv[++index];
    if (raw === undefined) {
      usage(`--${name} needs a value`);
      return;
    }
    let text = raw;
    let from = "";
    if (raw === "@-") {
      if (stdinUsed) {
        usage(`--${name} @-: standard input is already read by another flag`);
      }
      stdinUsed = true;
      text = await Bun.stdin.text();
      from = " (from standard input)";
    } else if (raw.startsWith("@")) {
      const file = Bun.file(raw.slice(1));
      if (!(await file.exists())) {
        usage(`--${name}: file not found: ${raw.slice(1)}`);
      }
      text = await file.text();
      from = ` (from the file ${raw.slice(1)})`;
    }
    values[name] = kustomerCliValue(text, parameter, from, usage);
  }
  for (const parameter of signature.slice(1)) {
    if (!parameter.optional && values[parameter.name] === undefined) {
      usage(
        `Missing --${parameter.name}${parameter.doc ? `: ${parameter.doc.split(". ")[0]}` : ""}`,
      );
    }
  }
  const env = process.env;
  const setting = (name: string) => (env[name] ?? "").trim();
  const apiKey = setting("KUSTOMER_API_KEY");
  if (apiKey === "") {
    usage("Set KUSTOMER_API_KEY in the environment (the key is never taken from the command line)");
  }
  const timeout = setting("KUSTOMER_TIMEOUT_MS");
  if (timeout !== "") {
    const ms = /^\d+$/.test(timeout) ? Number(timeout) : Number.NaN;
    if (!(ms >= 1 && ms <= 3_600_000)) {
      usage(
        `KUSTOMER_TIMEOUT_MS must be a whole number of milliseconds from 1 to 3600000 (got "${timeout}")`,
      );
    }
    kustomerSettings.attemptTimeoutMs = ms;
  }
  // Messages name what the user set: the environment variables, not the resource's fields.
  Object.assign(kustomerAuthNames, {
    apiKey: "KUSTOMER_API_KEY",
    region: "KUSTOMER_REGION",
    orgName: "KUSTOMER_ORG_NAME",
    baseUrl: "KUSTOMER_BASE_URL",
  });
  kustomerSettings.log = (line) => console.error(line);
  kustomerSettings.progressEveryMs = 5_000;
  const auth: Kustomer = { apiKey };
  if (setting("KUSTOMER_BASE_URL") !== "") {
    auth.baseUrl = setting("KUSTOMER_BASE_URL");
  }
  if (setting("KUSTOMER_ORG_NAME") !== "") {
    auth.orgName = setting("KUSTOMER_ORG_NAME");
  }
  if (setting("KUSTOMER_REGION") !== "") {
    auth.region = setting("KUSTOMER_REGION") as Kustomer["region"];
  }
  const args = signature.map((parameter) =>
    parameter.name === "auth" ? auth : values[parameter.name],
  );
  let result: unknown;
  try {
    result = await entry(...(args as never[]));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(kustomerRedact(message, apiKey));
    process.exit(
      error instanceof KustomerError && error.code === "invalid_input"
        ? KUSTOMER_EXIT.usage
        : KUSTOMER_EXIT.error,
    );
  }
  await Bun.write(Bun.stdout, `${JSON.stringify(result, null, 2)}\n`);
  const outcome = kustomerCliOutcome(result);
  if (outcome) {
    console.error(outcome.line);
    if (outcome.partial) {
      process.exit(KUSTOMER_EXIT.partial);
    }
  }
}

/** The terminal's exit codes (documented in the README and in every --help). */
const KUSTOMER_EXIT = { error: 1, usage: 2, partial: 3 };

/**
 * The summary line of an upsert, an import, an export, a list-all or a wait for a bulk operation,
 * and whether anything failed or was invalid (exit 3: the JSON on stdout lists which). Each kind
 * is told apart by the counts its summary has; other results print no line.
 */
function kustomerCliOutcome(result: unknown): { line: string; partial: boolean } | undefined {
  const value = (result ?? {}) as { [field: string]: unknown };
  const summary = value.summary as { [field: string]: number } | undefined;
  if (summary && typeof summary.records === "number" && typeof summary.updated === "number") {
    const s = summary;
    // A run that fell back from search to one read per record says so: it explains the time.
    const direct =
      (summary.lookup as unknown) === "by-externalId"
        ? `, ${s.lookups} reads by externalId (search could not be used)`
        : "";
    return {
      line: `upsert: ${s.records} records: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed, ${s.invalid} invalid; ${s.searches} searches${direct}, ${s.bulkOperations} bulk operations, ${s.requests} requests (${s.throttled} throttled), ${s.seconds} s`,
      partial: (s.failed ?? 0) + (s.invalid ?? 0) > 0,
    };
  }
  if (summary && typeof summary.records === "number" && typeof summary.existing === "number") {
    const s = summary;
    return {
      line: `import: ${s.records} records: ${s.created} created, ${s.existing} existing, ${s.failed} failed, ${s.invalid} invalid; ${s.bulkOperations} bulk operations, ${s.requests} requests (${s.throttled} throttled), ${s.seconds} s`,
      partial: (s.failed ?? 0) + (s.invalid ?? 0) > 0,
    };
  }
  if (summary && typeof summary.records === "number" && typeof value.done === "boolean") {
    const s = summary;
    const deleted = typeof s.deleted === "number" ? `, ${s.deleted} deleted` : "";
    const rest = value.done
      ? "done"
      : `stopped by ${s.stoppedBy}; more to come: pass \`cursor\` to go on`;
    return {
      line: `export: ${s.records} records${deleted}; ${s.searches} searches, ${s.seconds} s; ${rest}`,
      partial: false,
    };
  }
  if (summary && typeof summary.records === "number" && typeof value.complete === "boolean") {
    const s = summary;
    const rest = value.complete
      ? "complete"
      : `stopped by ${s.stoppedBy}: pass \`next\` as --from to go on`;
    return {
      line: `list: ${s.records} records in ${s.pages} pages, ${s.seconds} s; ${rest}`,
      partial: false,
    };
  }
  if (typeof value.succeeded === "number" && typeof value.failed === "number") {
    return {
      line: `bulk operation ${value.id}: ${value.status}, ${value.succeeded} succeeded, ${value.failed} failed; ${value.requests} requests, ${value.seconds} s`,
      partial: value.failed > 0,
    };
  }
  return undefined;
}

/** The parameter a mistyped flag most likely meant (case, a typo or two, a prefix). */
function kustomerNearest(name: string, signature: KustomerParameter[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const parameter of signature.slice(1)) {
    const candidate = parameter.name.toLowerCase();
    let distance = kustomerDistance(wanted, candidate);
    if (candidate.startsWith(wanted) || wanted.startsWith(candidate)) {
      distance = Math.min(distance, 1);
    }
    if (
      distance <= Math.max(1, Math.floor(candidate.length / 3)) &&
      (!best || distance < best.distance)
    ) {
      best = { name: parameter.name, distance };
    }
  }
  return best?.name;
}

/** Levenshtein distance. */
function kustomerDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A flag's text as main's parameter takes it: JSON, or the text itself for text parameters. */
function kustomerCliValue(
  text: string,
  parameter: KustomerParameter,
  from: string,
  usage: (message: string) => never,
): unknown {
  const kind = kustomerKind(parameter);
  // A text parameter keeps its text as is, so an id like 0123 is not read as a number.
  if (kind === "text" || kind === "choice") {
    return text;
  }
  try {
    return JSON.parse(text);
  } catch {
    if (kind === "number" || kind === "boolean") {
      return usage(
        `--${parameter.name} takes ${kind === "number" ? "a number" : "true or false"}${from} (got ${JSON.stringify(text.slice(0, 60))})`,
      );
    }
    const where = kustomerJsonError(text);
    const csv = /\.csv\)$/i.test(from) ? "; convert the CSV to a JSON list of objects first" : "";
    return usage(`--${parameter.name} is not valid JSON${from}: ${where}${csv}`);
  }
}

/** Where and why a text is not JSON: "line 1, column 15: a comma before }" and the line itself. */
function kustomerJsonError(text: string): string {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(what);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at] ?? "")) {
      at++;
    }
  };
  const string = () => {
    at++;
    while (at < text.length) {
      const char = text[at] ?? "";
      if (char === "\\") {
        at += 2;
      } else if (char === '"') {
        at++;
        return;
      } else if (char < " ") {
        fail("a line break or control character inside a string (write it as \\n)");
      } else {
        at++;
      }
    }
    fail("a string that is never closed");
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === "{" || char === "[") {
      const close = char === "{" ? "}" : "]";
      at++;
      space();
      if (text[at] === close) {
        at++;
        return;
      }
      for (;;) {
        space();
        if (char === "{") {
          if (text[at] === "}") {
            fail("a comma before } (JSON allows no trailing comma)");
          }
          if (text[at] !== '"') {
            fail(
              `a field name in double quotes expected, found ${JSON.stringify(text[at] ?? "the end")}`,
            );
          }
          string();
          space();
          if (text[at] !== ":") {
            fail(
              `":" expected after the field name, found ${JSON.stringify(text[at] ?? "the end")}`,
            );
          }
          at++;
        } else if (text[at] === "]") {
          fail("a comma before ] (JSON allows no trailing comma)");
        }
        value();
        space();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === close) {
          at++;
          return;
        }
        fail(
          at >= text.length
            ? `the text ends before the closing ${close}`
            : `"," or "${close}" expected, found ${JSON.stringify(text[at])}`,
        );
      }
    }
    if (char === '"') {
      string();
      return;
    }
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at));
    if (literal) {
      at += literal[0].length;
      return;
    }
    fail(
      char === undefined
        ? "the text ends where a value should be"
        : `a value expected, found ${JSON.stringify(char)}${char === "'" ? " (JSON strings take double quotes)" : ""}`,
    );
  };
  try {
    value();
    space();
    if (at < text.length) {
      fail(`more text after the JSON value: ${JSON.stringify(text[at])}`);
    }
    return "it could not be read";
  } catch (error) {
    const before = text.slice(0, at).split("\n");
    const line = before.length;
    const column = (before[before.length - 1] ?? "").length + 1;
    const shown = (text.split("\n")[line - 1] ?? "").slice(Math.max(0, column - 40), column + 20);
    return `line ${line}, column ${column}: ${(error as Error).message} (near ${JSON.stringify(shown)})`;
  }
}

/** A parameter of main, as written in the script: what --help and the flags need. */
type KustomerParameter = {
  name: string;
  optional: boolean;
  /** The type on one line ("unknown" when only a default gives it). */
  type: string;
  /** The type as written, comments left out. */
  written: string;
  /** The default's source text, when main gives one. */
  default?: string;
  /** The doc comment just before the parameter, on one line. */
  doc?: string;
};

/**
 * Reads main's parameters from the script's own source, as Windmill's parser does (names, order,
 * optional or defaulted, types, doc comments); tests/windmill.test.ts checks the two agree on
 * every script. It is read here rather than with Windmill's parser, whose WebAssembly would make
 * `--help` several times slower.
 */
function kustomerSignature(source: string): KustomerParameter[] {
  const from = source.indexOf("(", source.indexOf("export async function main"));
  const parts: { code: string; doc?: string }[] = [];
  let current = { code: "", doc: undefined as string | undefined };
  let depth = 0;
  // A regular expression finds the next comment, string or bracket: `--help` runs once, in a
  // cold process, where a loop over every character would cost more than all the rest.
  const token =
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|=>|[(){}[\]<>,]/g;
  token.lastIndex = from + 1;
  let last = from + 1;
  for (let found = token.exec(source); found !== null; found = token.exec(source)) {
    const text = found[0];
    const at = found.index;
    if (text.startsWith("/*") || text.startsWith("//")) {
      // Comments are not code: a comma or bracket in them must not split or end a parameter.
      current.code += source.slice(last, at);
      last = at + text.length;
      if (depth === 0 && text.startsWith("/**")) {
        current.doc = kustomerDocText(text);
      }
      continue;
    }
    if ("({[<".includes(text)) {
      depth++;
    } else if (")}]>".includes(text)) {
      depth--;
    }
    if (depth < 0) {
      current.code += source.slice(last, at);
      break;
    }
    if (text === "," && depth === 0) {
      parts.push({ ...current, code: current.code + source.slice(last, at) });
      current = { code: "", doc: undefined };
      last = at + 1;
    }
  }
  parts.push(current);
  const parameters: KustomerParameter[] = [];
  for (const part of parts) {
    const code = part.code.trim();
    if (code === "") {
      continue;
    }
    // name?: type = default, read in linear time (a type can run to thousands of characters).
    const head = /^(\w+)(\?)?\s*/.exec(code);
    const rest = code.slice(head?.[0].length ?? 0);
    const assigned = /(?:^|\s)=\s*([^=>][^=]*)$/.exec(rest);
    const typed = assigned ? rest.slice(0, assigned.index) : rest;
    const typeText = typed.startsWith(":") ? typed.slice(1).trim() : "";
    const type = typeText === "" ? "unknown" : typeText.replace(/\s+/g, " ");
    const defaultText = assigned?.[1]?.trim();
    const last = type.slice(type.lastIndexOf("|") + 1).trim();
    const optional =
      head?.[2] === "?" ||
      defaultText !== undefined ||
      (type.includes("|") && (last === "undefined" || last === "null"));
    const written = typeText === "" ? "unknown" : typeText.replace(/\n\s*\n/g, "\n");
    const parameter: KustomerParameter = { name: head?.[1] ?? code, optional, type, written };
    if (defaultText !== undefined) {
      parameter.default = defaultText;
    }
    if (part.doc) {
      parameter.doc = part.doc;
    }
    parameters.push(parameter);
  }
  return parameters;
}

/** A doc comment on one line: its text without the comment marks and leading stars. */
function kustomerDocText(comment: string): string {
  const lines = comment.slice(3, -2).split("\n");
  const words: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? "";
    if (index > 0) {
      line = line.trimStart();
      line = line.startsWith("*") ? line.slice(1) : line;
    }
    for (const word of line.split(" ")) {
      if (word.trim() !== "") {
        words.push(word.trim());
      }
    }
  }
  return words.join(" ");
}

/** The members of a union type, "undefined" and "null" left out: ["\"a\"", "\"b\""] for "a" | "b". */
function kustomerTypeMembers(type: string): string[] {
  const members: string[] = [];
  for (const member of type.split("|")) {
    const trimmed = member.trim();
    if (trimmed !== "" && trimmed !== "undefined" && trimmed !== "null") {
      members.push(trimmed);
    }
  }
  return members;
}

/** What a flag takes: text, one of a few words, a number, true/false, or JSON. */
function kustomerKind(
  parameter: KustomerParameter,
): "text" | "choice" | "number" | "boolean" | "json" {
  const type =
    parameter.type === "unknown" ? kustomerTypeOfDefault(parameter.default) : parameter.type;
  // String methods rather than regular expressions: --help runs this in a cold process, where
  // every new regular expression is compiled first.
  const members = kustomerTypeMembers(type);
  if (members.length === 1 && ["string", "number", "boolean"].includes(members[0] ?? "")) {
    return members[0] === "string" ? "text" : (members[0] as "number" | "boolean");
  }
  const quoted = (member: string) =>
    member.length >= 2 && member.startsWith('"') && member.indexOf('"', 1) === member.length - 1;
  return members.length > 0 && members.every(quoted) ? "choice" : "json";
}

function kustomerTypeOfDefault(text: string | undefined): string {
  if (text === undefined) {
    return "unknown";
  }
  const digit = text[text.startsWith("-") ? 1 : 0] ?? "";
  if (digit >= "0" && digit <= "9") {
    return "number";
  }
  if (text === "true" || text === "false") {
    return "boolean";
  }
  return "\"'`".includes(text[0] ?? "-") ? "string" : "unknown";
}

/** The first level of fields of an object type (or of a list of objects): name and required. */
function kustomerFields(type: string): { name: string; required: boolean }[] {
  const fields: { name: string; required: boolean }[] = [];
  const start = type.indexOf("{");
  if (start < 0) {
    return fields;
  }
  const token = /=>|[{}[\]()<>;,\n]/g;
  const field = /\s*(\w+)(\?)?\s*:/y;
  token.lastIndex = start;
  let depth = 0;
  for (let found = token.exec(type); found !== null; found = token.exec(type)) {
    const text = found[0];
    if ("{[(<".includes(text)) {
      depth++;
    } else if ("}])>".includes(text)) {
      depth--;
      if (depth === 0) {
        break;
      }
      continue;
    } else if (depth !== 1 || text === "=>") {
      continue;
    }
    if (depth === 1) {
      // After "{" or a separator at the first level: a field's name, if one starts here.
      field.lastIndex = found.index + 1;
      const name = field.exec(type);
      if (name?.[1]) {
        fields.push({ name: name[1], required: name[2] !== "?" });
        token.lastIndex = field.lastIndex;
      }
    }
  }
  return fields;
}

/** The range or allowed values of a query parameter, from the script's querySchema. */
function kustomerQueryRule(source: string, name: string): string {
  const from = source.indexOf("querySchema: {");
  if (from < 0) {
    return "";
  }
  const end = source.indexOf("\n  });", from);
  const block = source.slice(from, end < 0 ? undefined : end);
  const at = Math.max(block.indexOf(` ${name}: {`), block.indexOf(` "${name}": {`));
  if (at < 0) {
    return "";
  }
  const rule = block.slice(at, block.indexOf("}", at) + 1);
  const min = /minimum: (-?[\d.]+)/.exec(rule)?.[1];
  const max = /maximum: (-?[\d.]+)/.exec(rule)?.[1];
  const integer = rule.includes('"integer"') ? "whole number " : "";
  if (min !== undefined && max !== undefined) {
    return `${integer}${min} to ${max}`;
  }
  if (min !== undefined) {
    return `${integer}≥ ${min}`;
  }
  return max !== undefined ? `${integer}≤ ${max}` : "";
}

/**
 * --help, in the order of a manual page: what it does, how to call it, each flag, the rest.
 * Written with string methods and loops rather than regular expressions and array callbacks:
 * it runs once in a cold process, where each new expression or callback is compiled first and
 * that compiling, not the work, is most of the time --help takes.
 */
function kustomerHelp(source: string, signature: KustomerParameter[], script: string): string {
  // The header comment: title, description, routes, roles and reference.
  const open = source.indexOf("/**");
  const close = source.indexOf("*/", open);
  const header = open < 0 || close < 0 ? "" : source.slice(source.indexOf("\n", open) + 1, close);
  const lines: string[] = [];
  for (const raw of header.split("\n")) {
    const line = raw.trimStart();
    lines.push((line.startsWith("*") ? line.slice(line.startsWith("* ") ? 2 : 1) : raw).trimEnd());
  }
  const title = lines[0]?.trim() || "Kustomer script";
  const routes: string[] = [];
  let roles: string | undefined;
  let reference: string | undefined;
  for (const line of lines) {
    const method = line.slice(0, line.indexOf(" /"));
    if (["GET", "POST", "PUT", "PATCH", "DELETE"].includes(method)) {
      routes.push(line);
    }
    roles ??= line.startsWith("Roles") ? line : undefined;
    reference ??= line.startsWith("Reference") ? line : undefined;
  }
  const blank = lines.indexOf("", 1);
  let descriptionEnd = blank + 1;
  while (descriptionEnd < lines.length && lines[descriptionEnd] !== "") {
    descriptionEnd++;
  }
  const description = lines.slice(blank + 1, descriptionEnd).join(" ");
  const wrap = (text: string, indent: string, width = 96): string[] => {
    const out: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (word === "") {
        continue;
      }
      if (line !== "" && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    if (line !== "") {
      out.push(indent + line);
    }
    return out;
  };
  const parameters = signature.slice(1);
  let usage = `Usage: bun run ${script}`;
  let optional = false;
  // An update's body says what blank fields do: in its own doc comment, else in a line of ours.
  let bodyUndocumented = false;
  const flagLines: string[] = [];
  for (const parameter of parameters) {
    bodyUndocumented ||= parameter.name === "body" && !parameter.doc;
    if (parameter.optional) {
      optional = true;
    } else {
      usage += ` --${parameter.name} …`;
    }
    const kind = kustomerKind(parameter);
    let value = { text: "TEXT", number: "NUMBER", boolean: "true|false", json: "JSON" }[
      kind as "text"
    ];
    if (kind === "choice") {
      value = kustomerTypeMembers(parameter.type)
        .map((member) => member.slice(1, -1))
        .join("|");
    }
    const facts: string[] = [];
    if (!parameter.optional) {
      facts.push("required");
    }
    const range = kustomerQueryRule(source, parameter.name);
    if (range) {
      facts.push(range);
    }
    const fallback = parameter.default;
    if (fallback !== undefined) {
      const quoted = fallback.length >= 2 && fallback.startsWith('"') && fallback.endsWith('"');
      facts.push(`default ${quoted ? fallback.slice(1, -1) : fallback}`);
    }
    flagLines.push(
      `  --${parameter.name} ${value}${facts.length > 0 ? `  (${facts.join("; ")})` : ""}`,
    );
    const fields = kind === "json" ? kustomerFields(parameter.written) : [];
    let shape = "";
    if (fields.length > 0) {
      let type = parameter.type.trimEnd();
      if (type.endsWith("undefined") && type.slice(0, -9).trimEnd().endsWith("|")) {
        type = type.slice(0, -9).trimEnd().slice(0, -1).trimEnd();
      }
      const list = type.endsWith("]");
      const names: string[] = [];
      for (const field of fields.slice(0, 14)) {
        names.push(field.name + (field.required ? "" : "?"));
      }
      shape = `${list ? "A list of objects" : "An object"} with ${fields.length} field(s): ${names.join(", ")}${fields.length > 14 ? ", …" : ""} (types: main() in ${script})`;
    } else if (kind === "json" && parameter.type !== "unknown") {
      const type = parameter.type;
      shape = `Type: ${type.length > 70 ? `${type.slice(0, 67)}…` : type}`;
    }
    const doc = parameter.doc && !parameter.doc.endsWith(".") ? `${parameter.doc}.` : parameter.doc;
    const text = doc && shape ? `${doc} ${shape}` : doc || shape;
    flagLines.push(...wrap(text, "      "));
  }
  if (optional) {
    usage += " [--name value …]";
  }
  const name = script.slice(script.lastIndexOf("/") + 1);
  const updates = routes.some((route) => route.startsWith("PUT ") || route.startsWith("PATCH "));
  return [
    `${name.endsWith(".ts") ? name.slice(0, -3) : name}: ${title}`,
    ...routes.map((route) => `  ${route}`),
    "",
    ...wrap(description, ""),
    "",
    usage,
    "",
    "Parameters (values are JSON, or plain text for TEXT; @file reads a file, @- standard input):",
    ...(flagLines.length > 0 ? flagLines : ["  (none)"]),
    ...(updates && bodyUndocumented
      ? ["  Fields left out are not changed; null clears a value, and null on a list empties it."]
      : []),
    "",
    ...(roles ? wrap(roles, "") : []),
    ...(reference ? [reference] : []),
    "Environment: KUSTOMER_API_KEY (required; never on the command line); the host from",
    "  KUSTOMER_BASE_URL, KUSTOMER_ORG_NAME or KUSTOMER_REGION (us, eu, india), else US;",
    "  KUSTOMER_TIMEOUT_MS per attempt (default 30000).",
    "Exit status: 0 done; 1 Kustomer or network error; 2 usage error or invalid input (nothing",
    "  sent); 3 some records failed or were invalid (the JSON output lists them).",
  ].join("\n");
}

// </kustomer-shared>

if (import.meta.main) {
  void kustomerCli(main, import.meta.path);
}
