// `bun run bench:webhooks [--events 2000]`: the event loop's throughput and the intake's cost.
// Starts the sandbox in this process with a webhook pointing at a receiver on 127.0.0.1 that runs
// the intake (preprocessor, then main) on every delivery, bulk-creates customers (one
// kustomer.customer.create event each), and prints one JSON line per measure:
//   - "loop": events verified per second, p50/p99 ms from the event's createdAt to its
//     verification, deliveries refused or lost (expected 0);
//   - "intake": time for main() to verify and normalise a typical event (~3 KB) and a 5 MB one.
// No assertions: the figures depend on the machine.
import { createHmac } from "node:crypto";
import { main as intake, preprocessor } from "../scripts/webhooks/receive_kustomer_event.ts";
import { startSandbox } from "./server.ts";

function flag(name: string, fallback: number): number {
  const at = Bun.argv.indexOf(name);
  const value = at === -1 ? Number.NaN : Number(Bun.argv[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

const round = (value: number) => Math.round(value * 100) / 100;

async function loop(events: number) {
  const sandbox = startSandbox({ port: 0, rateLimit: 1_000_000_000, bulkStepMs: 0 });
  let token = "";
  const latencies: number[] = [];
  let refused = 0;
  const receiver = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const headers: { [name: string]: string } = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      try {
        const args = await preprocessor({
          kind: "webhook",
          raw_string: await request.text(),
          headers,
          query: { raw: "true" },
        });
        const event = await intake({ token }, args.raw_body, args.signature);
        latencies.push(Date.now() - Date.parse(String(event.createdAt)));
      } catch {
        refused++;
      }
      return Response.json({ ok: true });
    },
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${sandbox.apiKey}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as { data: { attributes: { token: string } } };
  };
  const created = await call("POST", "/v1/outbound-webhooks", {
    name: "bench",
    url: `http://127.0.0.1:${receiver.port}/hook?raw=true`,
    events: ["kustomer.customer.create"],
  });
  token = created.data.attributes.token;
  const started = performance.now();
  const chunks: Promise<unknown>[] = [];
  for (let offset = 0; offset < events; offset += 100) {
    const items = Array.from({ length: Math.min(100, events - offset) }, (_, index) => ({
      name: `Customer ${offset + index}`,
      externalId: `bench-${offset + index}`,
    }));
    chunks.push(call("POST", "/v1/customers/bulk", items));
  }
  await Promise.all(chunks);
  while (latencies.length + refused < events && performance.now() - started < 120_000) {
    await Bun.sleep(5);
  }
  await sandbox.webhooksSettled();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  await sandbox.stop();
  receiver.stop(true);
  return {
    run: "loop",
    events,
    verified: latencies.length,
    refused,
    lost: events - latencies.length - refused,
    seconds: round(seconds),
    eventsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

async function intakeCost() {
  const token = "3f6c0a9e1d2b4c5a6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";
  const envelope = (padding: number) =>
    JSON.stringify({
      id: "6717c2a4e5b1f00012ab3500",
      name: "kustomer.conversation.update",
      org: "5f8481c6a22ab5b9d5f2dd8a",
      createdAt: new Date().toISOString(),
      data: {
        type: "conversation",
        id: "6717c29de5b1f00012ab34c0",
        attributes: { status: "done", tags: ["vip"], custom: { noteTxt: "x".repeat(padding) } },
      },
      changes: { attributes: { status: { op: "replace", before: "open", after: "done" } } },
    });
  const time = async (body: string, runs: number) => {
    const signature = createHmac("sha256", token).update(body).digest("hex");
    const started = performance.now();
    for (let run = 0; run < runs; run++) {
      await intake({ token }, body, signature);
    }
    return (performance.now() - started) / runs;
  };
  const typical = envelope(2500);
  const large = envelope(5 * 1024 * 1024);
  return {
    run: "intake",
    typicalBytes: typical.length,
    typicalMs: round(await time(typical, 2000)),
    largeBytes: large.length,
    largeMs: round(await time(large, 10)),
  };
}

process.stdout.write(`${JSON.stringify(await loop(flag("--events", 2000)))}\n`);
process.stdout.write(`${JSON.stringify(await intakeCost())}\n`);
