// Every script carries the shared block of resources/kustomer.ts, byte for byte, and nothing that
// would stop it pasting into Windmill alone.
import { describe, expect, test } from "bun:test";
import { BUN_RUNTIME_SCRIPTS } from "../tools/handwritten.ts";
import { extractSharedBlock, readSharedBlock, stampScript } from "../tools/stamp.ts";
import { listKustomerScripts, listScripts, readProjectFile } from "./helpers/project.ts";

const canonical = readSharedBlock();

describe("the shared block", () => {
  test("is found in resources/kustomer.ts, between its markers", () => {
    expect(canonical.startsWith("// <kustomer-shared v1>")).toBe(true);
    expect(canonical.endsWith("// </kustomer-shared>")).toBe(true);
    expect(canonical).toContain("async function kustomerRequest(");
  });

  test("a drifted copy is detected, and stamping repairs it", () => {
    const script = readProjectFile(listScripts()[0] ?? "");
    const drifted = script.replace("maxAttempts: 6", "maxAttempts: 60");
    expect(extractSharedBlock(drifted)).not.toBe(canonical);
    expect(stampScript(drifted, canonical)).toBe(script);
  });
});

/** What a script opens with: //native (one request), nothing (Bun), or the windmill-client import. */
function openingFor(file: string): string {
  return BUN_RUNTIME_SCRIPTS.has(file) ? "" : "//native\n";
}

for (const file of listKustomerScripts()) {
  describe(file, () => {
    const source = readProjectFile(file);
    const opening = openingFor(file);

    test("carries the shared block unchanged", () => {
      expect(extractSharedBlock(source)).toBe(canonical);
    });

    test("pastes alone: //native on line 1 (or Bun), no imports but windmill-client's, no require", () => {
      expect(source.startsWith(`${opening}/**`)).toBe(true);
      const rest = source.slice(opening.length);
      expect(rest).not.toMatch(/^\s*import\s/m);
      expect(rest).not.toMatch(/\bimport\(/);
      expect(source).not.toMatch(/\brequire\(/);
    });

    test("opens with a doc comment: title, description, roles, reference (and contract)", () => {
      const header =
        /^\/\*\*\n([\s\S]*?)\n \*\/\nexport async function main\(/.exec(
          source.slice(opening.length),
        )?.[1] ?? "";
      const lines = header.split("\n").map((line) => line.replace(/^ \* ?/, ""));
      expect(lines[0]?.length).toBeGreaterThan(5);
      expect(lines[1]).toBe("");
      expect(lines[2]?.length).toBeGreaterThan(40);
      // Kustomer's routes are versioned: /v1, /v2, /v2.1 (chat), /v3 and /p/v3 (knowledge base).
      expect(header).toMatch(/\n \* (GET|POST|PUT|PATCH|DELETE) \/(p\/)?v[0-9.]+\/\S+\n/);
      expect(header).toMatch(/\n \* Roles \(any one\): \S+/);
      expect(header).toMatch(
        /\n \* Reference: https:\/\/developer\.kustomer\.com\/\S+(\n \* Contract: [^\n]+)?$/,
      );
    });

    test("ends with the terminal hook", () => {
      expect(
        source
          .trimEnd()
          .endsWith("if (import.meta.main) {\n  void kustomerCli(main, import.meta.path);\n}"),
      ).toBe(true);
    });
  });
}
