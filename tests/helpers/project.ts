// Facts about the project the conformance tests share: the endpoint table and the scripts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Endpoint } from "../../tools/generate.ts";
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
