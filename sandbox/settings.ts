// startSandbox() options, their defaults, and the range checks that turn a bad value into an
// error naming the option (rather than a sandbox that misbehaves later).

import { DEFAULT_WEBHOOK_SETTINGS } from "./webhooks.ts";

export const DEFAULT_PORT = 4010;
export const DEFAULT_API_KEY = "sandbox-key";

export type SandboxOptions = {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 4010. */
  port?: number;
  /** The one Bearer key accepted. Default "sandbox-key". */
  apiKey?: string;
  /** SQLite file to keep data in across restarts; in memory when absent. */
  dbPath?: string;
  /** Requests per window for the whole org (Kustomer's smallest plan: 300). */
  rateLimit?: number;
  /** Window length in ms (Kustomer: 60,000). */
  rateWindowMs?: number;
  /**
   * Unit of x-ratelimit-reset: "s" (default) sends the window's end in epoch seconds, rounded up;
   * "ms" in epoch milliseconds, for a compressed window (e.g. 2 s), where whole seconds would be
   * too coarse to pace by. Clients tell the two apart by size, as the shared request block does.
   */
  rateResetUnit?: "s" | "ms";
  /**
   * Whether a second record of a kind with the same externalId is refused (409), as the sandbox
   * does by default. Kustomer does not document that it refuses them, so a client must not rely
   * on it: tests and benches turn it off to see any duplicate a client would create.
   */
  uniqueExternalIds?: boolean;
  /** Share of requests (0..1) answered 500 before anything is processed. */
  failRate?: number;
  /** Added to every request, in ms. */
  latencyMs?: number;
  /** Share of successful writes (0..1) committed and then answered by dropping the connection. */
  dropAfterCommitRate?: number;
  /** Delay between bulk job steps (start, then one batch per step), in ms. Default 5. */
  bulkStepMs?: number;
  /** Largest request body accepted, in bytes (Kustomer: 100 KB for most endpoints). */
  maxBodyBytes?: number;
  /**
   * Delays before each retry of a failed outbound-webhook delivery, in ms (sandbox/webhooks.ts;
   * default: Kustomer's schedule a thousand times faster). [] delivers once.
   */
  webhookRetryDelaysMs?: number[];
  /** How long one webhook delivery may take before it counts as failed, in ms. Default 5000. */
  webhookTimeoutMs?: number;
  /** Source of randomness for fault injection (tests can pass a fixed one). */
  random?: () => number;
  /** Notes about injected faults, one line each. Silent when absent. */
  log?: (line: string) => void;
  /** Called after each response (the CLI's --verbose access log). */
  onResponse?: (entry: { method: string; path: string; status: number; ms: number }) => void;
  /**
   * How parsed requests are served (sandbox/http.ts): "fast" (Bun.serve under node:http, the
   * default where this Bun has it) or "adapter" (node:http's request event), for tests of the
   * path another Bun version would take.
   */
  httpPath?: "fast" | "adapter";
};

export type Settings = Required<
  Omit<SandboxOptions, "dbPath" | "log" | "onResponse" | "httpPath">
> &
  Pick<SandboxOptions, "dbPath" | "log" | "onResponse" | "httpPath">;

export function resolveSettings(options: SandboxOptions): Settings {
  const settings: Settings = {
    port: options.port ?? DEFAULT_PORT,
    apiKey: options.apiKey ?? DEFAULT_API_KEY,
    rateLimit: options.rateLimit ?? 300,
    rateWindowMs: options.rateWindowMs ?? 60_000,
    rateResetUnit: options.rateResetUnit ?? "s",
    uniqueExternalIds: options.uniqueExternalIds ?? true,
    failRate: options.failRate ?? 0,
    latencyMs: options.latencyMs ?? 0,
    dropAfterCommitRate: options.dropAfterCommitRate ?? 0,
    bulkStepMs: options.bulkStepMs ?? 5,
    maxBodyBytes: options.maxBodyBytes ?? 100 * 1024,
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_SETTINGS.retryDelaysMs,
    webhookTimeoutMs: options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_SETTINGS.timeoutMs,
    random: options.random ?? Math.random,
    dbPath: options.dbPath,
    log: options.log,
    onResponse: options.onResponse,
    httpPath: options.httpPath,
  };
  checkRange("port", settings.port, 0, 65_535, true);
  checkRange("rateLimit", settings.rateLimit, 1, Number.MAX_SAFE_INTEGER, true);
  checkRange("rateWindowMs", settings.rateWindowMs, 1, Number.MAX_SAFE_INTEGER, true);
  checkRange("failRate", settings.failRate, 0, 1, false);
  checkRange("latencyMs", settings.latencyMs, 0, 600_000, false);
  checkRange("dropAfterCommitRate", settings.dropAfterCommitRate, 0, 1, false);
  checkRange("bulkStepMs", settings.bulkStepMs, 0, 60_000, false);
  checkRange("webhookTimeoutMs", settings.webhookTimeoutMs, 1, 600_000, false);
  for (const delay of settings.webhookRetryDelaysMs) {
    checkRange("webhookRetryDelaysMs[]", delay, 0, 3_600_000, false);
  }
  checkRange("maxBodyBytes", settings.maxBodyBytes, 1, Number.MAX_SAFE_INTEGER, true);
  if (settings.rateResetUnit !== "s" && settings.rateResetUnit !== "ms") {
    throw new Error(`rateResetUnit must be "s" or "ms" (got ${String(settings.rateResetUnit)})`);
  }
  if (settings.apiKey.trim() === "" || /\s/.test(settings.apiKey)) {
    throw new Error("apiKey must be a non-empty string without spaces");
  }
  return settings;
}

function checkRange(name: string, value: number, min: number, max: number, whole: boolean): void {
  if (
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (whole && !Number.isInteger(value))
  ) {
    throw new Error(
      `${name} must be a ${whole ? "whole " : ""}number from ${min} to ${max} (got ${value})`,
    );
  }
}
