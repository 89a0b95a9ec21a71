// `bun run bench:import [--faults] [--records 20000]`: imports customers the way
// scripts/customers/import_customers.ts does into the sandbox, started in this process on 127.0.0.1
// with a compressed rate window (300 requests per 2 s: Kustomer's smallest plan, 30 times faster),
// and
// prints one JSON line: records, seconds, the bound the rate limit implies, the ratio of the bound
// to the time taken, records lost and duplicated (read from the sandbox's store afterwards), and
// the 429s the sandbox sent. --faults runs it with 5% of requests answered 500 and 2% of writes
// committed and then answered by a dropped connection; every such fault costs requests the bound
// does not count (a repeat, or a search and a read to find out what a lost bulk call did), so
// pacingRatio also says how close to the rate limit the requests actually sent were paced. No assertions: the figures depend on the
// machine (tests/customers/import_customers.test.ts checks the guarantees, without timing).
//
// The bound: every 100 records need one bulk POST, one status read and one read of its batches
// (the fewest the design needs), plus the resume probes of checkExisting "auto" (a search and a
// read for each of the first 10 chunks); at 300 requests per 2 s that many requests take
// boundSeconds.
//
// Every timing of the client is compressed by the window's factor (first status read after 1/30 s
// instead of 1 s, retry backoff 17 ms instead of 500 ms, and so on), so the run is a scale model of
// a real one. That is why it runs the script's code from resources/ (the request and import blocks,
// which tests/stamp.test.ts and tests/import-stamp.test.ts keep byte-identical to the script's) with
// the script's own RESOURCE: a script's timing settings are not reachable from outside it.
import { kustomerImport } from "../resources/bulk-import.ts";
import { kustomerSettings } from "../resources/kustomer.ts";
import { RESOURCE } from "../scripts/customers/import_customers.ts";
import { type Sandbox, startSandbox } from "./server.ts";

const RATE_LIMIT = 300;
const WINDOW_MS = 2000;
/** Kustomer's window is 60 s: timings scale by the same factor as the window. */
const TIME_SCALE = WINDOW_MS / 60_000;
const RATE_PER_SECOND = RATE_LIMIT / (WINDOW_MS / 1000);
const RESUME_PROBES = 10 * 2;

type BenchLine = {
  run: "clean" | "faults";
  records: number;
  seconds: number;
  boundSeconds: number;
  ratio: number;
  /** The requests actually sent, at the rate limit, over the time taken: how well it paced. */
  pacingRatio: number;
  lost: number;
  duplicated: number;
  throttled429: number;
  requests: number;
  boundRequests: number;
  created: number;
  failed: number;
  invalid: number;
  unaccounted: number;
  faults: { failRate: number; dropAfterCommitRate: number };
};

function readFlag(name: string, fallback: number): number {
  const index = Bun.argv.indexOf(name);
  const value = index === -1 ? undefined : Number(Bun.argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

function customers(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    name: `Bench Customer ${index}`,
    externalId: `bench-${index}`,
    emails: [{ type: "work" as const, email: `bench${index}@example.com` }],
    custom: { sourceStr: "bench" },
  }));
}

/** Input records missing from the store, and extra copies of any record. */
function checkStore(sandbox: Sandbox, count: number): { lost: number; duplicated: number } {
  const copies = new Map<string, number>();
  for (const record of sandbox.records("customers")) {
    const externalId = String(record.attributes.externalId);
    copies.set(externalId, (copies.get(externalId) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  for (let index = 0; index < count; index++) {
    const found = copies.get(`bench-${index}`) ?? 0;
    lost += found === 0 ? 1 : 0;
    duplicated += Math.max(0, found - 1);
  }
  return { lost, duplicated };
}

async function bench(count: number, faults: boolean): Promise<BenchLine> {
  const failRate = faults ? 0.05 : 0;
  const dropAfterCommitRate = faults ? 0.02 : 0;
  let throttled429 = 0;
  const sandbox = startSandbox({
    port: 0,
    rateLimit: RATE_LIMIT,
    rateWindowMs: WINDOW_MS,
    rateResetUnit: "ms",
    // Kustomer does not promise to refuse a second record with one externalId: neither does the
    // sandbox here, so a record sent twice would show up as a duplicate.
    uniqueExternalIds: false,
    failRate,
    dropAfterCommitRate,
    onResponse: ({ status }) => {
      throttled429 += status === 429 ? 1 : 0;
    },
  });
  try {
    const auth = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
    const started = performance.now();
    const result = await kustomerImport(auth, RESOURCE, customers(count), {
      checkExisting: "auto",
      rateShare: 1,
      tuning: {
        firstPollSeconds: 1 * TIME_SCALE,
        maxPollSeconds: 10 * TIME_SCALE,
        settleSeconds: 10 * TIME_SCALE,
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const indexes = [...result.created, ...result.failed, ...result.invalid].map((r) => r.index);
    const unaccounted = count - new Set(indexes).size + (indexes.length - new Set(indexes).size);
    const boundRequests = Math.ceil(count / 100) * 3 + RESUME_PROBES;
    const boundSeconds = boundRequests / RATE_PER_SECOND;
    return {
      run: faults ? "faults" : "clean",
      records: count,
      seconds: round(seconds),
      boundSeconds: round(boundSeconds),
      ratio: round(boundSeconds / seconds),
      pacingRatio: round(result.summary.requests / RATE_PER_SECOND / seconds),
      ...checkStore(sandbox, count),
      throttled429,
      requests: result.summary.requests,
      boundRequests,
      created: result.summary.created + result.summary.existing,
      failed: result.summary.failed,
      invalid: result.summary.invalid,
      unaccounted,
      faults: { failRate, dropAfterCommitRate },
    };
  } finally {
    await sandbox.stop();
  }
}

/** The shared request block's retry timings, compressed like the window. */
function compressRequestTimings(): void {
  kustomerSettings.backoffBaseMs *= TIME_SCALE;
  kustomerSettings.backoffMaxMs *= TIME_SCALE;
  kustomerSettings.maxTotalWaitMs *= TIME_SCALE;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

compressRequestTimings();
const line = await bench(readFlag("--records", 20_000), Bun.argv.includes("--faults"));
process.stdout.write(`${JSON.stringify(line)}\n`);
