// Stamps the shared block of resources/kustomer.ts into every script under scripts/, replacing
// whatever stands between the markers. Run `bun run stamp` after editing resources/kustomer.ts.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const ROOT = join(dirname(import.meta.path), "..");
export const SHARED_START = "// <kustomer-shared v1>";
export const SHARED_END = "// </kustomer-shared>";

/** The block as it stands in resources/kustomer.ts, from the start marker's line to the end marker. */
export function readSharedBlock(
  source = readFileSync(join(ROOT, "resources", "kustomer.ts"), "utf8"),
): string {
  const block = extractSharedBlock(source);
  if (block === undefined) {
    throw new Error("resources/kustomer.ts has lost its shared-block markers");
  }
  return block;
}

/** The marked block of a file, or undefined when it has none. */
export function extractSharedBlock(source: string): string | undefined {
  const start = source.indexOf(SHARED_START);
  const end = source.indexOf(SHARED_END);
  if (start < 0 || end < start) {
    return undefined;
  }
  return source.slice(start, end + SHARED_END.length);
}

export function stampScript(source: string, block: string): string {
  const current = extractSharedBlock(source);
  if (current === undefined) {
    throw new Error("script has no shared-block markers");
  }
  return source.replace(current, () => block);
}

/** Formats TypeScript with the project's Biome settings, as `biome format` would. */
export async function formatWithBiome(text: string, filePath: string): Promise<string> {
  const biome = join(ROOT, "node_modules", ".bin", "biome");
  const child = Bun.spawn([biome, "format", `--stdin-file-path=${filePath}`], {
    cwd: ROOT,
    stdin: new Blob([text]),
    stdout: "pipe",
    stderr: "pipe",
  });
  const [output, errors, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  if (code !== 0) {
    throw new Error(`biome could not format ${filePath}:\n${errors}`);
  }
  return output;
}

/**
 * Formats many files with one Biome run (one process per file takes ~100 ms each): they are written
 * to a scratch folder with the project's formatter settings, formatted in place and read back.
 */
export async function formatManyWithBiome(
  files: Map<string, string>,
): Promise<Map<string, string>> {
  const scratch = mkdtempSync(join(tmpdir(), "kustomer-format-"));
  try {
    const settings = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8"));
    const formatterOnly = { formatter: settings.formatter, javascript: settings.javascript };
    writeFileSync(join(scratch, "biome.json"), JSON.stringify(formatterOnly));
    for (const [file, text] of files) {
      mkdirSync(dirname(join(scratch, file)), { recursive: true });
      writeFileSync(join(scratch, file), text);
    }
    const biome = join(ROOT, "node_modules", ".bin", "biome");
    const child = Bun.spawn([biome, "format", "--write", "."], {
      cwd: scratch,
      stdout: "pipe",
      stderr: "pipe",
    });
    const [errors, code] = await Promise.all([new Response(child.stderr).text(), child.exited]);
    if (code !== 0) {
      throw new Error(`biome could not format the generated files:\n${errors}`);
    }
    return new Map(
      [...files.keys()].map((file) => [file, readFileSync(join(scratch, file), "utf8")]),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function listScripts(): Promise<string[]> {
  const files = await Array.fromAsync(new Bun.Glob("scripts/**/*.ts").scan({ cwd: ROOT }));
  return files.sort();
}

if (import.meta.main) {
  const block = readSharedBlock();
  for (const file of await listScripts()) {
    const path = join(ROOT, file);
    const before = await Bun.file(path).text();
    const after = stampScript(before, block);
    if (after !== before) {
      await Bun.write(path, after);
      process.stdout.write(`stamped ${file}\n`);
    }
  }
}
