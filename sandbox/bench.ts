// `bun sandbox/bench.ts [--duration-ms 5000] [--concurrency 32]`: starts the sandbox in a child
// process and drives it over loopback from this process; prints one JSON line per run:
// - GET /v1/customers/{id} in memory;
// - POST /v1/customers in memory, then with --db (a SQLite file), and their ratio (dbPostRatio);
// - lookups by email and phone in stores of 1,000 and 100,000 customers (in this process, through
//   the store's indexes): lookupGrowth, for the same 1,000 customers in both stores, and
//   lookupGrowthAllKeys, for every customer of the larger one. A hash lookup does not read more
//   records in a larger store, but its memory is colder (the 1,000-customer store sits in the CPU
//   caches), so these grow several-fold (about 10 here), where scanByEmail (a lookup that reads
//   every record, as the store did before it had indexes) costs milliseconds at 100,000.
// The rate limit is raised so it does not throttle. No assertions: the figures depend on the machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizePhone, Store } from "./store.ts";

const API_KEY = "bench-key";

type BenchResult = {
  endpoint: string;
  concurrency: number;
  durationMs: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
};

function readFlag(name: string, fallback: number): number {
  const index = Bun.argv.indexOf(name);
  const value = index === -1 ? undefined : Number(Bun.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

async function startChild(
  extra: string[] = [],
): Promise<{ url: string; child: ReturnType<typeof Bun.spawn> }> {
  const child = Bun.spawn(
    [
      "bun",
      join(import.meta.dir, "main.ts"),
      "--port",
      "0",
      "--api-key",
      API_KEY,
      "--rate-limit",
      "1000000000",
      ...extra,
    ],
    { stdout: "pipe", stderr: "inherit" },
  );
  const reader = child.stdout.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) {
      throw new Error(`the sandbox exited before listening; output: ${seen}`);
    }
    seen += decoder.decode(value, { stream: true });
    const url = /listening on (http:\/\/\S+)/.exec(seen)?.[1];
    if (url) {
      reader.releaseLock();
      return { url, child };
    }
  }
}

async function seedCustomer(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/customers`, {
    method: "POST",
    headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Bench Customer", emails: [{ email: "bench@example.com" }] }),
  });
  const body = (await response.json()) as { data: { id: string } };
  return body.data.id;
}

function percentile(sorted: Float64Array, share: number): number {
  const index = Math.min(sorted.length - 1, Math.floor(sorted.length * share));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

async function drive(
  target: string,
  concurrency: number,
  durationMs: number,
  request: (sequence: number) => RequestInit = () => ({}),
) {
  const latencies: number[] = [];
  let errors = 0;
  let sequence = 0;
  const headers = { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" };
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const response = await fetch(target, { headers, ...request(sequence++) });
        await response.arrayBuffer();
        if (!response.ok) {
          errors++;
        }
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, elapsedMs: performance.now() - started };
}

function summarise(
  endpoint: string,
  concurrency: number,
  run: Awaited<ReturnType<typeof drive>>,
): BenchResult {
  const sorted = Float64Array.from(run.latencies).sort();
  return {
    endpoint,
    concurrency,
    durationMs: Math.round(run.elapsedMs),
    requests: run.latencies.length,
    requestsPerSecond: Math.round(run.latencies.length / (run.elapsedMs / 1000)),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    errors: run.errors,
  };
}

/** POST /v1/customers for durationMs against a sandbox started with `extra` flags. */
async function benchPost(
  extra: string[],
  concurrency: number,
  durationMs: number,
  label: string,
): Promise<BenchResult> {
  const { url, child } = await startChild(extra);
  const post = (sequence: number): RequestInit => ({
    method: "POST",
    body: JSON.stringify({
      name: `Bench ${label} ${sequence}`,
      externalId: `bench-${label}-${sequence}`,
      emails: [{ email: `bench-${label}-${sequence}@example.com` }],
    }),
  });
  try {
    await drive(`${url}/v1/customers`, concurrency, Math.min(500, durationMs), (n) => post(-n - 1));
    return summarise(
      `POST /v1/customers (${label})`,
      concurrency,
      await drive(`${url}/v1/customers`, concurrency, durationMs, post),
    );
  } finally {
    child.kill();
    await child.exited;
  }
}

/**
 * Microseconds per lookup by email and by phone in a store of `size` customers. `spread` picks
 * which customers are looked up: the same 1,000 (spread over the store) whatever its size, which
 * isolates the cost of the store's size, or every customer in turn, which adds the memory caches'
 * misses of a larger working set (a hash lookup stays O(1), but a cold one costs more).
 */
function lookupMicros(
  size: number,
  spread: "same 1000" | "all",
): { email: number; phone: number; scanByEmail: number } {
  const store = new Store();
  for (let index = 0; index < size; index++) {
    store.put("customers", {
      id: `c${index}`,
      attributes: {
        emails: [{ email: `customer${index}@example.com` }],
        phones: [{ phone: `+1 555 ${String(index).padStart(7, "0")}` }],
      },
      rel: {},
    });
  }
  const lookups = 20_000;
  const pick =
    spread === "all"
      ? (round: number) => (round * 7919) % size
      : (round: number) => ((round * 7919) % 1_000) * (size / 1_000);
  // The store's build leaves garbage behind: collected now, so no collection lands in a timing.
  Bun.gc(true);
  // The median of 7 timings: one slowed by the machine does not decide the figure.
  const time = (find: (index: number) => unknown) => {
    const timings: number[] = [];
    for (let repeat = 0; repeat < 7; repeat++) {
      const started = performance.now();
      for (let round = 0; round < lookups; round++) {
        find(pick(round));
      }
      timings.push(performance.now() - started);
    }
    const median = timings.sort((a, b) => a - b)[3] ?? 0;
    return Math.round((median * 1000 * 100) / lookups) / 100;
  };
  time((index) => store.findBy("email", "customers", `customer${index}@example.com`)); // warm-up
  // For scale: a lookup that reads every record, as the store did before its indexes (20 of them).
  const scanStarted = performance.now();
  for (let round = 0; round < 20; round++) {
    const email = `customer${pick(round)}@example.com`;
    store
      .list("customers")
      .find((doc) => (doc.attributes.emails as { email: string }[])[0]?.email === email);
  }
  const scanByEmail = Math.round(((performance.now() - scanStarted) * 1000) / 20);
  return {
    scanByEmail,
    email: time((index) => store.findBy("email", "customers", `customer${index}@example.com`)),
    phone: time((index) =>
      store.findBy(
        "phone",
        "customers",
        normalizePhone(`+1 555 ${String(index).padStart(7, "0")}`),
      ),
    ),
  };
}

async function main(): Promise<void> {
  const durationMs = readFlag("--duration-ms", 5000);
  const concurrency = readFlag("--concurrency", 32);
  const { url, child } = await startChild();
  try {
    const id = await seedCustomer(url);
    const path = `/v1/customers/${id}`;
    await drive(`${url}${path}`, concurrency, Math.min(500, durationMs)); // warm-up, not counted
    const get = await drive(`${url}${path}`, concurrency, durationMs);
    process.stdout.write(
      `${JSON.stringify(summarise("GET /v1/customers/{id}", concurrency, get))}\n`,
    );
  } finally {
    child.kill();
    await child.exited;
  }
  const scratch = mkdtempSync(join(tmpdir(), "bench-sandbox-"));
  try {
    const memory = await benchPost([], concurrency, durationMs, "memory");
    process.stdout.write(`${JSON.stringify(memory)}\n`);
    const db = await benchPost(
      ["--db", join(scratch, "bench.sqlite")],
      concurrency,
      durationMs,
      "db",
    );
    process.stdout.write(
      `${JSON.stringify({ ...db, dbPostRatio: Math.round((db.requestsPerSecond / memory.requestsPerSecond) * 100) / 100 })}\n`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const growth = (small: { email: number; phone: number }, large: typeof small) =>
    Math.round(((large.email + large.phone) / (small.email + small.phone)) * 100) / 100;
  const small = lookupMicros(1_000, "same 1000");
  const large = lookupMicros(100_000, "same 1000");
  const largeAll = lookupMicros(100_000, "all");
  process.stdout.write(
    `${JSON.stringify({
      lookups: "by email and phone, µs each",
      at1000: small,
      at100000: large,
      lookupGrowth: growth(small, large),
      at100000AllKeys: largeAll,
      lookupGrowthAllKeys: growth(small, largeAll),
    })}\n`,
  );
}

await main();
