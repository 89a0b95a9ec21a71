// The sandbox side of `bun run bench:export`, in a process of its own so that the export's peak
// memory is the export's alone: starts the sandbox with a compressed rate window, seeds
// `--records` customers (groups of ten share one updatedAt), prints { url, apiKey } as one JSON
// line, and then plays another client of the org: every 10 ms it edits 5 random customers
// (straight in the store: its writes do not take the export's rate budget) until it reads "stop"
// on stdin, when it prints the ids it edited and when, and keeps serving until it is killed.
import { startSandbox } from "./server.ts";

const records = Number(process.argv[process.argv.indexOf("--records") + 1] ?? 100_000) || 100_000;
const sandbox = startSandbox({
  port: 0,
  rateLimit: 300,
  rateWindowMs: 2000,
  rateResetUnit: "ms",
});
const base = Date.now() - 24 * 3600 * 1000;
const ids = sandbox.seed(
  "customers",
  Array.from({ length: records }, (_, index) => ({
    name: `Customer ${index}`,
    externalId: `crm-${index}`,
    updatedAt: new Date(base + Math.floor(index / 10) * 5).toISOString(),
  })),
);
process.stdout.write(`${JSON.stringify({ url: sandbox.url, apiKey: sandbox.apiKey })}\n`);

const edits: { id: string; at: string }[] = [];
let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
let running = false;
const timer = setInterval(() => {
  if (!running) {
    return;
  }
  for (let count = 0; count < 5; count++) {
    const id = ids[Math.floor(random() * ids.length)] as string;
    const updated = sandbox.update("customers", id, { name: `Edited ${edits.length}` });
    edits.push({ id, at: String(updated.attributes.updatedAt) });
  }
}, 10);

for await (const line of console) {
  if (line.trim() === "start") {
    running = true;
  }
  if (line.trim() === "stop") {
    clearInterval(timer);
    // The sandbox keeps serving (the next export reads it) until the bench ends this process.
    process.stdout.write(`${JSON.stringify({ edits })}\n`);
  }
}
