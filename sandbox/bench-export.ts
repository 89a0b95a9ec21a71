// `bun run bench:export [--records 100000]`: exports every customer of a sandbox org with
// scripts/customers/export_customers.ts (its main, streaming to a JSON Lines file as from a
// terminal) while another client keeps editing customers, and prints one JSON line: records,
// seconds, boundSeconds, ratio, missed, duplicated, peakMemoryMB (and the details behind them).
// No assertions: the figures depend on the machine (tests/shared/sync.test.ts checks the
// guarantees without timing).
//
// The sandbox runs in a child process (sandbox/bench-export-host.ts), so peakMemoryMB is the
// export process's own peak resident memory, sampled every 20 ms while it runs. Its rate window is
// compressed 30 times (300 requests per 2 s, Kustomer's smallest plan), and so is the search limit
// the export paces itself to (100 searches per 2 s instead of per minute).
//
// The bound: search serves at most 500 records a page, so the export needs at least
// records / 500 searches; at 100 searches per window that many take boundSeconds. ratio is
// boundSeconds / seconds.
//
// missed: customers that are in neither this export nor the next one (run from the cursor this one
// returned, once the editing stopped), plus customers that only the next export brought although
// nobody edited them during this one (this one should have had them). duplicated: records that
// appear more than once in this export. A customer edited during the export may be in both.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../scripts/customers/export_customers.ts";

const argv = process.argv.slice(2);
const recordsArg = argv.indexOf("--records");
const RECORDS = recordsArg >= 0 ? Number(argv[recordsArg + 1]) : 100_000;
const WINDOW_SECONDS = 2;
const SEARCH_LIMIT = 100;
const PAGE_SIZE = 500;
const TUNING = {
  pageSize: PAGE_SIZE,
  searchesPerWindow: SEARCH_LIMIT,
  windowSeconds: WINDOW_SECONDS,
};

const host = Bun.spawn(
  ["bun", join(import.meta.dir, "bench-export-host.ts"), "--records", String(RECORDS)],
  {
    stdin: "pipe",
    stdout: "pipe",
    stderr: "inherit",
  },
);
const lines = readLines(host.stdout);
const { url, apiKey } = JSON.parse((await lines.next()).value ?? "{}") as {
  url: string;
  apiKey: string;
};
const auth = { apiKey, baseUrl: url };
const folder = mkdtempSync(join(tmpdir(), "kustomer-bench-export-"));
const firstFile = join(folder, "export.jsonl");
const nextFile = join(folder, "next.jsonl");

try {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  host.stdin.write("start\n");
  await host.stdin.flush();
  const started = performance.now();
  const result = await main(
    auth,
    undefined,
    undefined,
    undefined,
    false,
    0,
    3600,
    1,
    firstFile,
    TUNING,
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  host.stdin.write("stop\n");
  await host.stdin.flush();
  const { edits } = JSON.parse((await lines.next()).value ?? "{}") as { edits: { id: string }[] };
  const next = await main(
    auth,
    result.cursor,
    undefined,
    undefined,
    false,
    0,
    3600,
    1,
    nextFile,
    TUNING,
  );

  const first = readRecords(firstFile);
  const following = readRecords(nextFile);
  const firstIds = new Set(first.map((record) => record.id));
  const edited = new Set(edits.map((edit) => edit.id));
  const externalIds = new Set([...first, ...following].map((record) => record.externalId));
  let missed = 0;
  for (let index = 0; index < RECORDS; index++) {
    if (!externalIds.has(`crm-${index}`)) {
      missed++;
    }
  }
  missed += following.filter((record) => !firstIds.has(record.id) && !edited.has(record.id)).length;
  const boundSeconds = (Math.ceil(RECORDS / PAGE_SIZE) / SEARCH_LIMIT) * WINDOW_SECONDS;
  const line = {
    records: first.length,
    seconds: round(seconds),
    boundSeconds: round(boundSeconds),
    ratio: round(boundSeconds / seconds),
    missed,
    duplicated: first.length - firstIds.size,
    peakMemoryMB: Math.round(peak / 1024 / 1024),
    searches: result.summary.searches,
    boundSearches: Math.ceil(RECORDS / PAGE_SIZE),
    editsDuringExport: edits.length,
    editedCustomers: edited.size,
    nextExportRecords: following.length,
    nextExportSearches: next.summary.searches,
    seeded: RECORDS,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
} finally {
  host.kill();
  rmSync(folder, { recursive: true, force: true });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function readRecords(file: string): { id: string; externalId: string }[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const record = JSON.parse(line) as { id: string; attributes: { externalId: string } };
      return { id: record.id, externalId: record.attributes.externalId };
    });
}

async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of stream) {
    buffer += decoder.decode(chunk, { stream: true });
    let at = buffer.indexOf("\n");
    while (at >= 0) {
      yield buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      at = buffer.indexOf("\n");
    }
  }
}
