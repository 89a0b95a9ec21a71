// Facts about the project the conformance tests share: the endpoint table and the scripts.
import { describe, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Endpoint, SHARED_DIR, sharedAvailable } from "../../tools/generate.ts";
import { STANDALONE_SCRIPTS } from "../../tools/handwritten.ts";

export const ROOT = join(import.meta.dir, "..", "..");

export const ENDPOINTS: Endpoint[] = JSON.parse(
  readFileSync(join(ROOT, "tools", "endpoints.json"), "utf8"),
);

export function listScripts(): string[] {
  return Array.from(new Bun.Glob("scripts/**/*.ts").scanSync({ cwd: ROOT })).sort();
}

/** The scripts that call Kustomer: all but the standalone ones (tools/handwritten.ts). */
export function listKustomerScripts(): string[] {
  return listScripts().filter((file) => !STANDALONE_SCRIPTS.has(file));
}

export function readProjectFile(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

/** tests/<folder>/<name>.test.ts for scripts/<folder>/<name>.ts */
export function testFileFor(script: string): string {
  return script.replace(/^scripts\//, "tests/").replace(/\.ts$/, ".test.ts");
}

export function projectFileExists(file: string): boolean {
  return existsSync(join(ROOT, file));
}

// One visible note for the run when ../shared/kustomer is absent (a user's clone), rather than a
// skipped test each: Bun prints every skipped test again at the end, so skips came out twice.
const SHARED_PRESENT = sharedAvailable();
if (!SHARED_PRESENT) {
  console.warn(
    `NOTE: skipped: ${SHARED_DIR} not found (a user's clone has no ../shared), so the endpoint table is not compared with Kustomer's operation list and catalogue, nor the generator's output with the committed files`,
  );
}

/** A test that reads ../shared/kustomer: registered only when it is there. */
export function testWithShared(
  name: string,
  check: () => Promise<void> | void,
  timeoutMs?: number,
): void {
  if (SHARED_PRESENT) {
    test(name, check, timeoutMs);
  }
}

/** A group of tests that read ../shared/kustomer: registered only when it is there. */
export function describeWithShared(name: string, tests: () => void): void {
  if (SHARED_PRESENT) {
    describe(name, tests);
  }
}
