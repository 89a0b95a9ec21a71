// The sync block of resources/sync.ts is stamped, byte for byte, into the export, trigger and upsert
// scripts (after the shared and import blocks, whose names it uses). Run `bun run stamp` after
// editing resources/sync.ts.
import { describe, expect, test } from "bun:test";
import { HANDWRITTEN, LIST_ALL_SCRIPTS } from "../tools/handwritten.ts";
import {
  extractStateBlock,
  extractSyncBlock,
  listFlowSteps,
  readStateBlock,
  readSyncBlock,
  stampStateBlock,
  stampSyncBlock,
} from "../tools/stamp.ts";
import { listScripts, readProjectFile } from "./helpers/project.ts";

const canonical = readSyncBlock();
const carriers = [
  ...HANDWRITTEN.map((script) => script.file).filter((file) =>
    /\/(export|trigger|upsert|bulk_upsert)_[a-z_]+\.ts$/.test(file),
  ),
  ...LIST_ALL_SCRIPTS,
];

describe("the sync block", () => {
  test("is found in resources/sync.ts, between its markers", () => {
    expect(canonical.startsWith("// <kustomer-sync v1>")).toBe(true);
    expect(canonical.endsWith("// </kustomer-sync>")).toBe(true);
    expect(canonical).toContain("async function kustomerExport(");
    expect(canonical).toContain("async function kustomerUpsert(");
    expect(canonical).toContain("async function kustomerTrigger(");
  });

  test("imports nothing: it runs on the shared and import blocks' names alone", () => {
    expect(canonical).not.toMatch(/^\s*import\s/m);
    expect(canonical).not.toMatch(/\bimport\(/);
    expect(canonical).not.toMatch(/\brequire\(/);
  });

  test("a drifted copy is detected, and stamping repairs it", () => {
    const script = readProjectFile("scripts/customers/export_customers.ts");
    const drifted = script.replace("windowMs / 10", "windowMs / 2");
    expect(drifted).not.toBe(script);
    expect(extractSyncBlock(drifted)).not.toBe(canonical);
    expect(stampSyncBlock(drifted, canonical)).toBe(script);
  });
});

for (const file of carriers) {
  test(`${file} carries the sync block unchanged, before the import and shared blocks`, () => {
    const source = readProjectFile(file);
    expect(extractSyncBlock(source)).toBe(canonical);
    expect(source.indexOf("// <kustomer-sync v1>")).toBeLessThan(
      source.indexOf("// <kustomer-import v1>"),
    );
    expect(source.indexOf("// <kustomer-import v1>")).toBeLessThan(
      source.indexOf("// <kustomer-shared v1>"),
    );
  });
}

test("only the export, list-all, trigger and upsert scripts carry the sync block", () => {
  const withBlock = listScripts().filter((file) =>
    readProjectFile(file).includes("// <kustomer-sync v1>"),
  );
  expect(withBlock).toEqual([...carriers].sort());
});

// The Windmill state block (inside the sync block) is also stamped alone into the flows' state
// steps, so that they reach Windmill's state with fetch and import nothing.
const flowSteps = await listFlowSteps();
describe("the Windmill state block", () => {
  const stateBlock = readStateBlock();
  const stateSteps = flowSteps.filter((file) => readProjectFile(file).includes("windmillState("));

  test("lies inside the sync block and is self-contained (no Kustomer names, no imports)", () => {
    expect(canonical).toContain(stateBlock);
    expect(stateBlock).toContain("function windmillState(path: string)");
    expect(stateBlock).not.toMatch(/\bkustomer[A-Z]|\bKustomer[A-Z]?/);
    expect(stateBlock).not.toMatch(/^\s*import\s/m);
  });

  test("the flows' state steps are the ones that carry it, and none imports windmill-client", () => {
    expect(stateSteps.map((file) => file.replace(/^.*\//, "")).sort()).toEqual([
      "load_cursor.inline_script.ts",
      "save_cursor.inline_script.ts",
      "seen_events.inline_script.ts",
    ]);
    for (const file of flowSteps) {
      expect(readProjectFile(file)).not.toMatch(/^\s*import\s/m);
    }
  });

  for (const file of stateSteps) {
    test(`${file} carries the state block unchanged`, () => {
      expect(extractStateBlock(readProjectFile(file))).toBe(stateBlock);
    });
  }

  test("a drifted copy is detected, and stamping repairs it", () => {
    const step = readProjectFile(stateSteps[0] ?? "");
    const drifted = step.replace('"state"', '"json"');
    expect(drifted).not.toBe(step);
    expect(extractStateBlock(drifted)).not.toBe(stateBlock);
    expect(stampStateBlock(drifted, stateBlock)).toBe(step);
  });
});
