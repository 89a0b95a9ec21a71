// The import block of resources/bulk-import.ts is stamped, byte for byte, into the import scripts and
// wait_for_bulk_operation (after the shared block, whose names it uses). Run `bun run stamp` after
// editing resources/bulk-import.ts.
import { describe, expect, test } from "bun:test";
import { HANDWRITTEN, LIST_ALL_SCRIPTS } from "../tools/handwritten.ts";
import { extractImportBlock, readImportBlock, stampImportBlock } from "../tools/stamp.ts";
import { listScripts, readProjectFile } from "./helpers/project.ts";

const canonical = readImportBlock();
const carriers = [
  ...HANDWRITTEN.filter((script) => !script.standalone).map((script) => script.file),
  ...LIST_ALL_SCRIPTS,
];

describe("the import block", () => {
  test("is found in resources/bulk-import.ts, between its markers", () => {
    expect(canonical.startsWith("// <kustomer-import v1>")).toBe(true);
    expect(canonical.endsWith("// </kustomer-import>")).toBe(true);
    expect(canonical).toContain("async function kustomerImport(");
    expect(canonical).toContain("class KustomerPacer");
  });

  test("imports nothing: it runs on the shared block's names alone", () => {
    expect(canonical).not.toMatch(/^\s*import\s/m);
    expect(canonical).not.toMatch(/\brequire\(/);
  });

  test("a drifted copy is detected, and stamping repairs it", () => {
    const script = readProjectFile("scripts/customers/import_customers.ts");
    const drifted = script.replace("resumeProbeChunks: 10", "resumeProbeChunks: 1");
    expect(extractImportBlock(drifted)).not.toBe(canonical);
    expect(stampImportBlock(drifted, canonical)).toBe(script);
  });

  test("a script without the block is left as it is", () => {
    const script = readProjectFile("scripts/customers/bulk_create_customers.ts");
    expect(stampImportBlock(script, canonical)).toBe(script);
  });
});

for (const file of carriers) {
  test(`${file} carries the import block unchanged, after the shared block`, () => {
    const source = readProjectFile(file);
    expect(extractImportBlock(source)).toBe(canonical);
    expect(source.indexOf("// <kustomer-import v1>")).toBeLessThan(
      source.indexOf("// <kustomer-shared v1>"),
    );
  });
}

test("only the hand-written scripts carry the import block", () => {
  const withBlock = listScripts().filter((file) =>
    readProjectFile(file).includes("// <kustomer-import v1>"),
  );
  expect(withBlock).toEqual([...carriers].sort());
});
