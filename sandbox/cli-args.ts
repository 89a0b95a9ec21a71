// Command-line flags of `bun sandbox/main.ts`, turned into SandboxOptions.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { SandboxOptions } from "./server.ts";
import { resolveSettings } from "./settings.ts";

export const USAGE = `Kustomer sandbox: a local Kustomer-compatible REST API (routes under /v1).

Usage: bun sandbox/main.ts [flags]

  --port N                     port on 127.0.0.1 (default 4010; 0 picks a free one)
  --api-key KEY                the Bearer key accepted (default sandbox-key)
  --db PATH                    keep data in this SQLite file (default: in memory)
  --rate-limit N               requests per window for the whole org (default 300)
  --rate-window-ms M           rate-limit window in ms (default 60000)
  --rate-reset-unit s|ms       unit of x-ratelimit-reset: epoch s (default) or ms (short windows)
  --allow-duplicate-external-ids
                               accept a second record with the same externalId (default: 409)
  --fail-rate R                share of requests answered 500 before processing (0..1)
  --latency-ms N               latency added to every request
  --drop-after-commit-rate R   share of writes committed, then answered by dropping the connection
  --bulk-step-ms N             delay between bulk job steps (default 5)
  --webhook-timeout-ms N       how long an outbound-webhook delivery may take (default 5000)
  --verbose                    print one line per request
  --help                       show this help
`;

export type CliArgs = { help: boolean; verbose: boolean; options: SandboxOptions };

type NumberFlag = Exclude<
  keyof SandboxOptions,
  | "apiKey"
  | "dbPath"
  | "random"
  | "log"
  | "onResponse"
  | "httpPath"
  | "rateResetUnit"
  | "uniqueExternalIds"
  | "webhookRetryDelaysMs"
>;

const NUMBER_FLAGS: { [flag: string]: NumberFlag } = {
  "--port": "port",
  "--rate-limit": "rateLimit",
  "--rate-window-ms": "rateWindowMs",
  "--fail-rate": "failRate",
  "--latency-ms": "latencyMs",
  "--drop-after-commit-rate": "dropAfterCommitRate",
  "--bulk-step-ms": "bulkStepMs",
  "--webhook-timeout-ms": "webhookTimeoutMs",
};

const STRING_FLAGS: { [flag: string]: "apiKey" | "dbPath" } = {
  "--api-key": "apiKey",
  "--db": "dbPath",
};

/**
 * Parses flags (`--port 0` or `--port=0`) and checks their values as startSandbox would (ranges,
 * the --db file's folder), so a bad value is a usage error naming the flag rather than a failed
 * start; throws an Error naming the bad flag.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const parsed = parseFlags(argv);
  try {
    resolveSettings(parsed.options);
  } catch (error) {
    // resolveSettings names options (failRate); the user typed flags (--fail-rate).
    const message = error instanceof Error ? error.message : String(error);
    const option = /^(\w+)/.exec(message)?.[1] ?? "";
    const flag = Object.entries({ ...NUMBER_FLAGS, ...STRING_FLAGS }).find(
      ([, key]) => key === option,
    )?.[0];
    throw new Error(flag ? message.replace(option, flag) : message);
  }
  const dbPath = parsed.options.dbPath;
  if (dbPath !== undefined && !existsSync(dirname(resolve(dbPath)))) {
    throw new Error(
      `--db ${dbPath}: the folder ${dirname(resolve(dbPath))} does not exist; create it first or pick another path`,
    );
  }
  return parsed;
}

function parseFlags(argv: readonly string[]): CliArgs {
  const parsed: CliArgs = { help: false, verbose: false, options: {} };
  const queue = argv.flatMap((arg) =>
    arg.startsWith("--") && arg.includes("=") ? splitOnce(arg) : [arg],
  );
  while (queue.length > 0) {
    const flag = queue.shift() ?? "";
    if (flag === "--help" || flag === "-h") {
      parsed.help = true;
    } else if (flag === "--verbose") {
      parsed.verbose = true;
    } else if (flag === "--allow-duplicate-external-ids") {
      parsed.options.uniqueExternalIds = false;
    } else if (flag === "--rate-reset-unit") {
      const unit = queue.shift();
      if (unit !== "s" && unit !== "ms") {
        throw new Error(`--rate-reset-unit needs s or ms (got "${unit ?? ""}")`);
      }
      parsed.options.rateResetUnit = unit;
    } else if (flag in NUMBER_FLAGS || flag in STRING_FLAGS) {
      const value = queue.shift();
      if (value === undefined || value === "") {
        throw new Error(`${flag} needs a value`);
      }
      setFlag(parsed.options, flag, value);
    } else {
      throw new Error(`unknown flag ${flag} (see --help)`);
    }
  }
  return parsed;
}

function setFlag(options: SandboxOptions, flag: string, value: string): void {
  const stringKey = STRING_FLAGS[flag];
  if (stringKey) {
    options[stringKey] = value;
    return;
  }
  const numberKey = NUMBER_FLAGS[flag];
  const number = Number(value);
  if (numberKey === undefined || value.trim() === "" || !Number.isFinite(number)) {
    throw new Error(`${flag} needs a number (got "${value}")`);
  }
  options[numberKey] = number;
}

function splitOnce(arg: string): string[] {
  const at = arg.indexOf("=");
  return [arg.slice(0, at), arg.slice(at + 1)];
}
