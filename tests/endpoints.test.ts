// The endpoint table (tools/endpoints.json), the scripts and their tests agree one to one, and the
// generator's output is what is committed.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kustomerSignature } from "../resources/kustomer.ts";
import { BODY_SCHEMAS, CORE_OPERATIONS } from "../resources/operations.ts";
import { generate, SHARED_DIR } from "../tools/generate.ts";
import { HANDWRITTEN } from "../tools/handwritten.ts";
import {
  describeWithShared,
  ENDPOINTS,
  listScripts,
  projectFileExists,
  readProjectFile,
  testFileFor,
} from "./helpers/project.ts";

// Building or generating handles every script (Windmill's parser, Biome): seconds, more on a busy
// machine. A guard against a hang, not a speed target.
setDefaultTimeout(60_000);

const CORE_OPERATION_IDS = new Set(CORE_OPERATIONS.map(([operationId]) => operationId));

describe("the endpoint table", () => {
  test("names each script once, and with the hand-written ones, each script is in it", () => {
    // A list's row also names its read-everything step (listAll), generated with it.
    const files = [
      ...[...ENDPOINTS, ...HANDWRITTEN].map((script) => script.file),
      ...ENDPOINTS.flatMap((endpoint) => (endpoint.listAll ? [endpoint.listAll.file] : [])),
    ];
    expect(new Set(files).size).toBe(files.length);
    expect([...files].sort()).toEqual(listScripts());
  });

  test("has no operation or route twice", () => {
    const ids = ENDPOINTS.map((endpoint) => endpoint.operationId);
    const routes = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(routes).size).toBe(routes.length);
  });

  for (const endpoint of ENDPOINTS) {
    describe(endpoint.file, () => {
      const source = readProjectFile(endpoint.file);

      test("has its test file, which imports the script", () => {
        const testFile = testFileFor(endpoint.file);
        expect(projectFileExists(testFile)).toBe(true);
        expect(readProjectFile(testFile)).toContain(`from "../../${endpoint.file}"`);
      });

      test("sends the operation, method and path of its row", () => {
        expect(source).toContain(`operation: "${endpoint.operationId}",`);
        expect(source).toContain(`method: "${endpoint.method}",`);
        expect(source).toContain(`path: "${endpoint.path}",`);
        expect(source).toContain(` * ${endpoint.summary}\n`);
        expect(source).toContain(` * ${endpoint.method} ${endpoint.path}\n`);
        expect(source).toContain(` * Reference: ${endpoint.reference}\n`);
      });

      test("checks its body with the same rules as resources/operations.ts (which the sandbox uses)", () => {
        const literal = /\nconst BODY_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(source)?.[1];
        const embedded = literal === undefined ? undefined : new Function(`return ${literal}`)();
        expect(embedded).toEqual(BODY_SCHEMAS[endpoint.operationId]);
      });

      test("has main's parameters in the row's order", () => {
        // The row's parameters first, then any optional extras (tools/overrides.ts EXTRA_QUERY).
        const listed = [
          ...(/^main\((.*)\)$/.exec(endpoint.signature)?.[1]?.split(",") ?? []),
          ...endpoint.extraParameters,
        ].map((part) => part.trim());
        const actual = kustomerSignature(source);
        expect(actual.map((parameter) => parameter.name)).toEqual(
          listed.map((part) => part.replace(/[?[\]]/g, "")),
        );
        expect(actual.map((parameter) => parameter.optional)).toEqual(
          listed.map((part) => part.endsWith("?")),
        );
      });
    });
  }
});

describe("the hand-written scripts (tools/handwritten.ts)", () => {
  for (const script of HANDWRITTEN) {
    test(`${script.file} has its title and its test file, which imports the script`, () => {
      expect(readProjectFile(script.file)).toContain(` * ${script.summary}\n`);
      const testFile = testFileFor(script.file);
      expect(projectFileExists(testFile)).toBe(true);
      expect(readProjectFile(testFile)).toContain(`from "../../${script.file}"`);
    });
  }
});

describeWithShared("against ../shared/kustomer", () => {
  test("every row matches operations.tsv", () => {
    const rows = readFileSync(join(SHARED_DIR, "operations.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    for (const endpoint of ENDPOINTS.filter((item) => CORE_OPERATION_IDS.has(item.operationId))) {
      const row = rows.find((line) => line.startsWith(`${endpoint.operationId}\t`))?.split("\t");
      expect(row?.slice(0, 5)).toEqual([
        endpoint.operationId,
        endpoint.method,
        endpoint.path,
        endpoint.file,
        endpoint.signature,
      ]);
    }
  });

  test("the generator's output is exactly what is committed", async () => {
    const outputs = await generate();
    for (const [file, text] of outputs) {
      expect({ file, text: readProjectFile(file) }).toEqual({ file, text });
    }
    const listAlls = ENDPOINTS.filter((endpoint) => endpoint.listAll).length;
    expect(outputs.size).toBe(ENDPOINTS.length + listAlls + 2);
    // Generating and formatting every script takes several seconds on a busy 2-core machine.
  }, 60_000);
});
