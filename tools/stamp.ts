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
/** A stamped block: its two marker lines and the file that holds its source. */
type BlockKind = { start: string; end: string; source: string };

export const SHARED_START = "// <kustomer-shared v1>";
export const SHARED_END = "// </kustomer-shared>";
export const IMPORT_START = "// <kustomer-import v1>";
export const IMPORT_END = "// </kustomer-import>";
export const SYNC_START = "// <kustomer-sync v1>";
export const SYNC_END = "// </kustomer-sync>";
export const STATE_START = "// <windmill-state v1>";
export const STATE_END = "// </windmill-state>";

const SHARED: BlockKind = { start: SHARED_START, end: SHARED_END, source: "resources/kustomer.ts" };
const IMPORT: BlockKind = {
  start: IMPORT_START,
  end: IMPORT_END,
  source: "resources/bulk-import.ts",
};
const SYNC: BlockKind = { start: SYNC_START, end: SYNC_END, source: "resources/sync.ts" };
// The Windmill state block lives inside the sync block of resources/sync.ts (the triggers keep
// their cursor with it) and is stamped on its own into the flows' state steps.
const STATE: BlockKind = { start: STATE_START, end: STATE_END, source: "resources/sync.ts" };

/** A file's block of this kind, markers included, or undefined when it has none. */
function extractBlock(kind: BlockKind, source: string): string | undefined {
  const start = source.indexOf(kind.start);
  const end = source.indexOf(kind.end);
  if (start < 0 || end < start) {
    return undefined;
  }
  return source.slice(start, end + kind.end.length);
}

/** The block as it stands in its source file (or in `source` when given), markers included. */
function readBlock(kind: BlockKind, source?: string): string {
  const block = extractBlock(kind, source ?? readFileSync(join(ROOT, kind.source), "utf8"));
  if (block === undefined) {
    throw new Error(`${kind.source} has lost its ${kind.start} markers`);
  }
  return block;
}

/** Replaces a file's block of this kind; a file without one is returned unchanged. */
function stampBlock(kind: BlockKind, source: string, block: string): string {
  const current = extractBlock(kind, source);
  return current === undefined ? source : source.replace(current, () => block);
}

/** The shared block of resources/kustomer.ts, from the start marker's line to the end marker. */
export const readSharedBlock = (source?: string): string => readBlock(SHARED, source);
export const extractSharedBlock = (source: string) => extractBlock(SHARED, source);
/** Every script that makes a Kustomer request carries the shared block: one without is an error. */
export function stampScript(source: string, block: string): string {
  if (extractSharedBlock(source) === undefined) {
    throw new Error("script has no shared-block markers");
  }
  return stampBlock(SHARED, source, block);
}

/** The import block (resources/bulk-import.ts): the import scripts and wait_for_bulk_operation. */
export const readImportBlock = (source?: string): string => readBlock(IMPORT, source);
export const extractImportBlock = (source: string) => extractBlock(IMPORT, source);
export const stampImportBlock = (source: string, block: string) =>
  stampBlock(IMPORT, source, block);

/** The sync block (resources/sync.ts): the export, list-all, upsert and trigger scripts. */
export const readSyncBlock = (source?: string): string => readBlock(SYNC, source);
export const extractSyncBlock = (source: string) => extractBlock(SYNC, source);
export const stampSyncBlock = (source: string, block: string) => stampBlock(SYNC, source, block);

/** The Windmill state block (inside the sync block): also the flows' state steps. */
export const readStateBlock = (source?: string): string => readBlock(STATE, source);
export const extractStateBlock = (source: string) => extractBlock(STATE, source);
export const stampStateBlock = (source: string, block: string) => stampBlock(STATE, source, block);

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

/** Rewrites a file with `stamp` applied, saying so when it changed. */
async function restamp(file: string, stamp: (source: string) => string): Promise<void> {
  const path = join(ROOT, file);
  const before = await Bun.file(path).text();
  const after = stamp(before);
  if (after !== before) {
    await Bun.write(path, after);
    process.stdout.write(`stamped ${file}\n`);
  }
}

if (import.meta.main) {
  const block = readSharedBlock();
  const importBlock = readImportBlock();
  const syncBlock = readSyncBlock();
  for (const file of await listScripts()) {
    if (STANDALONE_SCRIPTS.has(file)) {
      continue; // makes no Kustomer request: no shared block (tools/handwritten.ts)
    }
    await restamp(file, (source) =>
      stampSyncBlock(stampImportBlock(stampScript(source, block), importBlock), syncBlock),
    );
  }
  // The flows' state steps carry the state block alone (no Kustomer request, no shared block).
  const stateBlock = readStateBlock();
  for (const file of await listFlowSteps()) {
    await restamp(file, (source) => stampStateBlock(source, stateBlock));
  }
}
