// `bun sandbox/bench.ts [--duration-ms 5000] [--concurrency 32]`: starts the sandbox in a child
// process, drives GET /v1/customers/{id} at it over loopback from this process, and prints one
// JSON line: requests/s, p50/p99 latency in ms, errors. The rate limit is raised so it does not
// throttle. No assertions: the figure depends on the machine.
import { join } from "node:path";

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

async function startChild(): Promise<{ url: string; child: ReturnType<typeof Bun.spawn> }> {
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

async function drive(target: string, concurrency: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  const headers = { Authorization: `Bearer ${API_KEY}` };
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const response = await fetch(target, { headers });
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

async function main(): Promise<void> {
  const durationMs = readFlag("--duration-ms", 5000);
  const concurrency = readFlag("--concurrency", 32);
  const { url, child } = await startChild();
  try {
    const id = await seedCustomer(url);
    const path = `/v1/customers/${id}`;
    await drive(`${url}${path}`, concurrency, Math.min(500, durationMs)); // warm-up, not counted
    const { latencies, errors, elapsedMs } = await drive(`${url}${path}`, concurrency, durationMs);
    const sorted = Float64Array.from(latencies).sort();
    const result: BenchResult = {
      endpoint: "GET /v1/customers/{id}",
      concurrency,
      durationMs: Math.round(elapsedMs),
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / (elapsedMs / 1000)),
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      errors,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    child.kill();
    await child.exited;
  }
}

await main();
