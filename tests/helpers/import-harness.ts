// What the import-script tests share: a sandbox with faults chosen reproducibly, fast timings for
// the import's polling, and the two checks every import must pass: each input record appears once
// in the result, and nothing was created twice.
import { expect } from "bun:test";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../sandbox/server.ts";

/** The import result's lists, as every import script returns them. */
export type ImportLists = {
  summary: { records: number; created: number; existing: number; failed: number; invalid: number };
  created: { index: number; id: string; externalId?: string; existing?: true }[];
  failed: { index: number; code: string }[];
  invalid: { index: number }[];
};

/** Polling and settling in milliseconds rather than seconds: the sandbox is fast. */
export const FAST = { firstPollSeconds: 0.005, maxPollSeconds: 0.05, settleSeconds: 0.05 };

/** A small deterministic random source (mulberry32), so that injected faults repeat run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A sandbox on a free port that does not refuse a second record with the same externalId (Kustomer
 * does not promise to), so a record sent twice shows up as a duplicate. Its rate window is
 * compressed to a second (the import spreads its requests over the window: at Kustomer's 300 per
 * minute a test would take minutes), reported in epoch ms.
 */
export function startImportSandbox(options: SandboxOptions = {}): {
  sandbox: Sandbox;
  auth: { apiKey: string; baseUrl: string };
} {
  const sandbox = startSandbox({
    port: 0,
    bulkStepMs: 1,
    rateLimit: 1000,
    rateWindowMs: 1000,
    rateResetUnit: "ms",
    uniqueExternalIds: false,
    random: seededRandom(7),
    ...options,
  });
  return { sandbox, auth: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } };
}

/**
 * Every input index (firstIndex … firstIndex + count - 1) in exactly one of the lists: an
 * import's three, or a bulk upsert's five (with updated and unchanged).
 */
export function expectEachRecordOnce(
  result: {
    summary: { records: number };
    created: { index: number }[];
    updated?: { index: number }[];
    unchanged?: { index: number }[];
    failed: { index: number }[];
    invalid: { index: number }[];
  },
  count: number,
  firstIndex = 0,
): void {
  const indexes = [
    ...result.created,
    ...(result.updated ?? []),
    ...(result.unchanged ?? []),
    ...result.failed,
    ...result.invalid,
  ].map((entry) => entry.index);
  expect(indexes).toHaveLength(count);
  expect([...indexes].sort((a, b) => a - b)).toEqual(
    Array.from({ length: count }, (_, position) => firstIndex + position),
  );
  expect(result.summary.records).toBe(count);
}

/** How many records of a collection carry each externalId. */
export function copiesByExternalId(sandbox: Sandbox, collection: string): Map<string, number> {
  const copies = new Map<string, number>();
  for (const record of sandbox.records(collection)) {
    const externalId = String(record.attributes.externalId);
    copies.set(externalId, (copies.get(externalId) ?? 0) + 1);
  }
  return copies;
}

/** Each of `externalIds` is stored exactly once, and the result's ids are the stored ones. */
export function expectStoredOnce(
  sandbox: Sandbox,
  collection: string,
  externalIds: string[],
  result: ImportLists,
): void {
  const copies = copiesByExternalId(sandbox, collection);
  expect(externalIds.filter((externalId) => copies.get(externalId) !== 1)).toEqual([]);
  const stored = new Map(
    sandbox.records(collection).map((record) => [String(record.attributes.externalId), record.id]),
  );
  for (const entry of result.created) {
    expect(entry.id).toBe(stored.get(entry.externalId ?? "") ?? "");
  }
}
