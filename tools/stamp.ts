// Stamps the shared block of resources/kustomer.ts into every script under scripts/, replacing
// whatever stands between the markers. Run `bun run stamp` after editing resources/kustomer.ts.
// Scripts that also carry the import block (`// <kustomer-import v1>` … `// </kustomer-import>`:
// the import scripts and wait_for_bulk_operation) get it from resources/bulk-import.ts the same way,
// and the export, list-all and trigger scripts also get the sync block of resources/sync.ts. The
// Windmill state block inside it is also stamped alone into the flows' state steps.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { STANDALONE_SCRIPTS } from "./handwritten.ts";

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

export const IMPORT_START = "// <kustomer-import v1>";
export const IMPORT_END = "// </kustomer-import>";

/** The import block as it stands in resources/bulk-import.ts, markers included. */
export function readImportBlock(
  source = readFileSync(join(ROOT, "resources", "bulk-import.ts"), "utf8"),
): string {
  const block = extractImportBlock(source);
  if (block === undefined) {
    throw new Error("resources/bulk-import.ts has lost its import-block markers");
  }
  return block;
}

/** The import block of a file, or undefined when it has none (most scripts). */
export function extractImportBlock(source: string): string | undefined {
  const start = source.indexOf(IMPORT_START);
  const end = source.indexOf(IMPORT_END);
  if (start < 0 || end < start) {
    return undefined;
  }
  return source.slice(start, end + IMPORT_END.length);
}

/** Replaces a script's import block; a script without one is returned unchanged. */
export function stampImportBlock(source: string, block: string): string {
  const current = extractImportBlock(source);
  return current === undefined ? source : source.replace(current, () => block);
}

export const SYNC_START = "// <kustomer-sync v1>";
export const SYNC_END = "// </kustomer-sync>";

/** The sync block as it stands in resources/sync.ts, markers included. */
export function readSyncBlock(
  source = readFileSync(join(ROOT, "resources", "sync.ts"), "utf8"),
): string {
  const block = extractSyncBlock(source);
  if (block === undefined) {
    throw new Error("resources/sync.ts has lost its sync-block markers");
  }
  return block;
}

/** The sync block of a file, or undefined when it has none. */
export function extractSyncBlock(source: string): string | undefined {
  const start = source.indexOf(SYNC_START);
  const end = source.indexOf(SYNC_END);
  if (start < 0 || end < start) {
    return undefined;
  }
  return source.slice(start, end + SYNC_END.length);
}

/** Replaces a script's sync block; a script without one is returned unchanged. */
export function stampSyncBlock(source: string, block: string): string {
  const current = extractSyncBlock(source);
  return current === undefined ? source : source.replace(current, () => block);
}

export const STATE_START = "// <windmill-state v1>";
export const STATE_END = "// </windmill-state>";

/**
 * The Windmill state block, markers included: it lives inside the sync block of resources/sync.ts
 * (the triggers keep their cursor with it) and is stamped on its own into the flows' state steps.
 */
export function readStateBlock(
  source = readFileSync(join(ROOT, "resources", "sync.ts"), "utf8"),
): string {
  const block = extractStateBlock(source);
  if (block === undefined) {
    throw new Error("resources/sync.ts has lost its windmill-state markers");
  }
  return block;
}

/** The state block of a file, or undefined when it has none. */
export function extractStateBlock(source: string): string | undefined {
  const start = source.indexOf(STATE_START);
  const end = source.indexOf(STATE_END);
  if (start < 0 || end < start) {
    return undefined;
  }
  return source.slice(start, end + STATE_END.length);
}

/** Replaces a file's state block; a file without one is returned unchanged. */
export function stampStateBlock(source: string, block: string): string {
  const current = extractStateBlock(source);
  return current === undefined ? source : source.replace(current, () => block);
}

/** The flows' inline steps (resources/flows/<name>.flow/*.inline_script.ts), relative to the root. */
export async function listFlowSteps(): Promise<string[]> {
  const glob = new Bun.Glob("resources/flows/*.flow/*.inline_script.ts");
  return (await Array.fromAsync(glob.scan({ cwd: ROOT }))).sort();
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
  const importBlock = readImportBlock();
  const syncBlock = readSyncBlock();
  for (const file of await listScripts()) {
    if (STANDALONE_SCRIPTS.has(file)) {
      continue; // makes no Kustomer request: no shared block (tools/handwritten.ts)
    }
    const path = join(ROOT, file);
    const before = await Bun.file(path).text();
    const after = stampSyncBlock(
      stampImportBlock(stampScript(before, block), importBlock),
      syncBlock,
    );
    if (after !== before) {
      await Bun.write(path, after);
      process.stdout.write(`stamped ${file}\n`);
    }
  }
  // The flows' state steps carry the state block alone (no Kustomer request, no shared block).
  const stateBlock = readStateBlock();
  for (const file of await listFlowSteps()) {
    const path = join(ROOT, file);
    const before = await Bun.file(path).text();
    const after = stampStateBlock(before, stateBlock);
    if (after !== before) {
      await Bun.write(path, after);
      process.stdout.write(`stamped ${file}\n`);
    }
  }
}
