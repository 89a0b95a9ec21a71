// `bun run bench:client`: what the shared request block (resources/kustomer.ts) costs on top of a
// bare fetch, and what `--help` costs on top of starting Bun. Prints one JSON line of ratios:
// - bulkRatio: a 100-item bulk create through kustomerRequest (drop blanks, validate against the
//   official schema, send) ÷ a bare fetch of the same JSON (target ≤ 3);
// - getRatio: a GET through kustomerRequest ÷ a bare fetch GET (target ≤ 1.3);
// - helpRatio: `bun run scripts/customers/create_customer.ts --help` ÷ `bun run` of an empty file
//   (target ≤ 1.5), and helpRatioNoCache, the same with Bun's transpiler cache off (a first run).
// Both sides of each ratio run alternately, many times, against a server on 127.0.0.1 started here,
// and the medians are compared, so that a busy machine slows both sides alike. No assertions: the
// figures depend on the machine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kustomerRequest } from "../resources/kustomer.ts";
import { BODY_SCHEMAS } from "../resources/operations.ts";

const ROOT = join(import.meta.dir, "..");
const API_KEY = "bench-client-key-0123456789";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A customer as an import would send it: a few fields, lists, custom attributes. */
function customer(index: number) {
  return {
    name: `Customer ${index}`,
    externalId: `crm-${index}`,
    emails: [{ type: "work", email: `customer${index}@example.com` }],
    phones: [{ type: "mobile", phone: `+1555010${String(index).padStart(4, "0")}` }],
    tags: ["imported", "vip"],
    locale: "en_US",
    custom: { tierStr: "gold", ordersNum: index, signedUpAt: "2026-01-01T00:00:00Z" },
  };
}

/** Times `a` and `b` alternately `rounds` times; returns the medians in ms. */
async function alternate(
  rounds: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ a: number; b: number }> {
  const timesA: number[] = [];
  const timesB: number[] = [];
  // Which side goes first swaps every round, so that neither always runs right after the other.
  const time = async (side: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await side();
    into.push(performance.now() - started);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await time(a, timesA);
      await time(b, timesB);
    } else {
      await time(b, timesB);
      await time(a, timesA);
    }
  }
  return { a: median(timesA), b: median(timesB) };
}

async function requestRatios() {
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      await request.arrayBuffer();
      return Response.json(
        {
          data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0c1", attributes: { status: "queued" } },
        },
        { status: 202 },
      );
    },
  });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const auth = { apiKey: API_KEY, baseUrl };
  const items = Array.from({ length: 100 }, (_, index) => customer(index));
  const bulkSchema = BODY_SCHEMAS.BulkCreateCustomers;
  const headers = {
    Authorization: `Bearer ${API_KEY}`,
    Accept: "application/json",
    "Content-Type": "application/json",
  };
  const bareBulk = async () => {
    const response = await fetch(`${baseUrl}/v1/customers/bulk`, {
      method: "POST",
      headers,
      body: JSON.stringify(items),
    });
    return JSON.parse(await response.text());
  };
  const blockBulk = () =>
    kustomerRequest(auth, {
      operation: "BulkCreateCustomers",
      method: "POST",
      path: "/v1/customers/bulk",
      body: items,
      bodySchema: bulkSchema,
    });
  const bareGet = async () => {
    const response = await fetch(`${baseUrl}/v1/customers/5f1c6a3e9d1b2c0011a0b0c1`, {
      headers: { Authorization: `Bearer ${API_KEY}`, Accept: "application/json" },
    });
    return JSON.parse(await response.text());
  };
  const blockGet = () =>
    kustomerRequest(auth, {
      operation: "GetCustomerById",
      method: "GET",
      path: "/v1/customers/{id}",
      pathParams: { id: "5f1c6a3e9d1b2c0011a0b0c1" },
    });
  try {
    await alternate(200, bareBulk, blockBulk); // warm-up: JIT, connection pool
    const bulk = await alternate(1000, bareBulk, blockBulk);
    await alternate(200, bareGet, blockGet);
    const get = await alternate(2000, bareGet, blockGet);
    return {
      bulkRatio: round(bulk.b / bulk.a),
      bulkMs: { bareFetch: round(bulk.a, 3), sharedBlock: round(bulk.b, 3) },
      getRatio: round(get.b / get.a),
      getMs: { bareFetch: round(get.a, 3), sharedBlock: round(get.b, 3) },
    };
  } finally {
    server.stop(true);
  }
}

/** Runs a command to the end; its wall time in ms. */
async function timeRun(command: string[], env: { [name: string]: string | undefined }) {
  const started = performance.now();
  const child = Bun.spawn(command, { cwd: ROOT, env, stdout: "ignore", stderr: "ignore" });
  await child.exited;
  return performance.now() - started;
}

/**
 * `--help` against an empty file, both run the same way with the same environment. Bun keeps a
 * transpiled copy of any file over 50 KB (its runtime transpiler cache; the empty file has nothing
 * to transpile), so a user's second run skips the TypeScript transpile: helpRatio is that usual
 * case, helpRatioNoCache the first run (or a machine with the cache turned off, as
 * BUN_RUNTIME_TRANSPILER_CACHE_PATH=0 does here for both sides).
 */
async function helpRatio() {
  const scratch = mkdtempSync(join(tmpdir(), "bench-client-"));
  const empty = join(scratch, "empty.ts");
  writeFileSync(empty, "");
  const bun = process.execPath;
  const script = "scripts/customers/create_customer.ts";
  const measure = async (env: { [name: string]: string | undefined }) => {
    const emptyRun = () => timeRun([bun, "run", empty], env);
    const help = () => timeRun([bun, "run", script, "--help"], env);
    await alternate(5, emptyRun, help);
    return await alternate(60, emptyRun, help);
  };
  try {
    const cached = await measure(process.env);
    const uncached = await measure({ ...process.env, BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" });
    return {
      helpRatio: round(cached.b / cached.a),
      helpMs: { emptyRun: round(cached.a, 1), help: round(cached.b, 1) },
      helpRatioNoCache: round(uncached.b / uncached.a),
      helpMsNoCache: { emptyRun: round(uncached.a, 1), help: round(uncached.b, 1) },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const result = {
  ...(await requestRatios()),
  ...(await helpRatio()),
  targets: { bulkRatio: 3, getRatio: 1.3, helpRatio: 1.5 },
};
await Bun.write(Bun.stdout, `${JSON.stringify(result)}\n`);
