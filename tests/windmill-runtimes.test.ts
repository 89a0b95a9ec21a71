// Every script runs on the Windmill runtime it declares, with only what that runtime provides
// (tests/helpers/windmill-runtimes.ts says what, from Windmill's worker source), against the
// sandbox on 127.0.0.1:
// - each //native script is bundled as Windmill's native worker bundles it and its main is called
//   in a context holding only the native isolate's globals, with arguments as that worker passes
//   them (by position, a missing one as null): it must end in a result or a KustomerError, never
//   in a ReferenceError or TypeError for something the runtime lacks;
// - the Bun-runtime steps are run as Windmill's Bun wrapper runs them, in a process of their own,
//   their result read back as JSON.
import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "../sandbox/server.ts";
import type { BuiltScript } from "../tools/build-windmill.ts";
import { BUN_RUNTIME_SCRIPTS, STANDALONE_SCRIPTS } from "../tools/handwritten.ts";
import { ROOT } from "./helpers/project.ts";
import {
  bundleForNative,
  loadNative,
  nativeArguments,
  runLikeBunWrapper,
} from "./helpers/windmill-runtimes.ts";
import { BUILD_BUDGET_MS, builtTree, requireTree } from "./helpers/windmill-tree.ts";

/** Bundling and running ~300 scripts, 24 at a time, on a busy 2-core machine. */
const RUN_BUDGET_MS = 300_000;

let scripts: BuiltScript[] = [];
let sandbox: Sandbox | undefined;
let customerId = "";

beforeAll(async () => {
  scripts = requireTree(await builtTree()).scripts;
  sandbox = startSandbox({ port: 0, rateLimit: 1_000_000, rateWindowMs: 1000 });
  [customerId = ""] = sandbox.seed("customers", [{ name: "Ada", externalId: "crm-1" }]);
}, BUILD_BUDGET_MS);

beforeEach(() => {
  mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
});

afterAll(async () => {
  await sandbox?.stop();
});

type Property = { type?: string; enum?: unknown[]; format?: string; default?: unknown };

/** A value of the parameter's type that passes the usual checks (ids name the seeded customer). */
function sampleValue(name: string, property: Property): unknown {
  if (property.enum && property.enum.length > 0) {
    return property.enum[0];
  }
  switch (property.type) {
    case "string":
      if (property.format === "date-time" || /At$|since|before|after/i.test(name)) {
        return "2026-01-01T00:00:00.000Z";
      }
      return /id$|ids$|^id/i.test(name) ? customerId : "x";
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return false;
    case "array":
      return [];
    default:
      return {};
  }
}

/** The job's arguments by name: every required parameter, and auth pointing at the sandbox. */
function jobArguments(script: BuiltScript): { [name: string]: unknown } {
  const { properties, required } = script.metadata.schema;
  const args: { [name: string]: unknown } = {};
  for (const name of required) {
    args[name] =
      name === "auth"
        ? { apiKey: sandbox?.apiKey, baseUrl: sandbox?.url }
        : sampleValue(name, properties[name] as Property);
  }
  return args;
}

describe("//native scripts in the native runtime", () => {
  test(
    "end in a result or a KustomerError, with nothing but the runtime's globals",
    async () => {
      const native = scripts.filter((script) =>
        readFileSync(join(ROOT, script.source), "utf8").startsWith("//native\n"),
      );
      // The others are exactly the Bun steps and the intake (it makes no Kustomer request).
      expect(
        scripts.filter((script) => !native.includes(script)).map((script) => script.source),
      ).toEqual(
        scripts
          .map((script) => script.source)
          .filter((file) => BUN_RUNTIME_SCRIPTS.has(file) || STANDALONE_SCRIPTS.has(file)),
      );
      const outcomes: { script: string; outcome: string; reached: boolean }[] = [];
      const runOne = async (script: BuiltScript) => {
        let reached = false;
        const recordingFetch = ((input: string | URL | Request, init?: RequestInit) => {
          reached = true;
          return fetch(input, init);
        }) as typeof fetch;
        let outcome: string;
        try {
          const main = loadNative(await bundleForNative(join(ROOT, script.source)), {
            fetch: recordingFetch,
          });
          const result = await main(
            ...nativeArguments(script.metadata.schema.order, jobArguments(script)),
          );
          // What the worker returns: JSON.stringify(result ?? null).
          JSON.stringify(result ?? null);
          outcome = "result";
        } catch (error) {
          const { name, message } = error as Error;
          outcome = name === "KustomerError" ? "KustomerError" : `${name}: ${message}`;
        }
        outcomes.push({ script: script.source, outcome, reached });
      };
      for (let index = 0; index < native.length; index += 24) {
        await Promise.all(native.slice(index, index + 24).map(runOne));
      }

      expect(native.length).toBeGreaterThan(200);
      const broken = outcomes.filter(
        (entry) => entry.outcome !== "result" && entry.outcome !== "KustomerError",
      );
      expect(broken).toEqual([]);
      // Most reach the sandbox (the rest stop at the checks before sending, as they should with
      // sample values): the request, retry and answer code ran in the native context.
      const reached = outcomes.filter((entry) => entry.reached);
      expect(reached.length).toBeGreaterThan(native.length / 2);
      expect(outcomes.filter((entry) => entry.outcome === "result").length).toBeGreaterThan(10);
    },
    RUN_BUDGET_MS,
  );

  test("a script that reaches for something the runtime lacks fails there", async () => {
    for (const [expression, missing] of [
      ["Buffer.from('x')", "Buffer"],
      ["crypto.randomUUID()", "crypto"],
      ["Bun.version", "Bun"],
      ["require('node:fs')", "require"],
    ]) {
      const main = loadNative(
        `async function main() {\n  return ${expression};\n}\nexport { main };`,
        {
          fetch,
        },
      );
      await expect(main()).rejects.toThrow(`${missing} is not defined`);
    }
  });
});

describe("Bun-runtime steps through Windmill's Bun wrapper", () => {
  const sourceOf = (file: string) => join(ROOT, file);
  const orderOf = (file: string) =>
    scripts.find((script) => script.source === file)?.metadata.schema.order ?? [];

  test(
    "import_customers and wait_for_bulk_operation: arguments by name, a JSON result",
    async () => {
      const auth = { apiKey: sandbox?.apiKey, baseUrl: sandbox?.url };
      const records = Array.from({ length: 150 }, (_, index) => ({
        name: `Imported ${index}`,
        externalId: `bun-wrapper-${index}`,
      }));
      const file = "scripts/customers/import_customers.ts";
      const imported = await runLikeBunWrapper(sourceOf(file), orderOf(file), {
        auth,
        records,
        rateShare: 1,
      });
      expect({ exitCode: imported.exitCode, stderr: imported.stderr }).toMatchObject({
        exitCode: 0,
      });
      const result = imported.result as {
        summary: { records: number; created: number };
        created: { id: string }[];
      };
      expect(result.summary).toMatchObject({ records: 150, created: 150 });

      const bulk = (await fetch(`${sandbox?.url}/v1/customers/bulk`, {
        method: "POST",
        headers: { Authorization: `Bearer ${sandbox?.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify([{ name: "Waited for", externalId: "bun-wrapper-wait" }]),
      }).then((response) => response.json())) as { data: { id: string } };
      const waitFile = "scripts/bulk/wait_for_bulk_operation.ts";
      const waited = await runLikeBunWrapper(sourceOf(waitFile), orderOf(waitFile), {
        auth,
        id: bulk.data.id,
      });
      expect(waited.exitCode).toBe(0);
      expect(waited.result).toMatchObject({ id: bulk.data.id, status: "complete", succeeded: 1 });
    },
    RUN_BUDGET_MS,
  );

  test(
    "export_customers: one page and the next cursor, as JSON",
    async () => {
      const file = "scripts/customers/export_customers.ts";
      const exported = await runLikeBunWrapper(sourceOf(file), orderOf(file), {
        auth: { apiKey: sandbox?.apiKey, baseUrl: sandbox?.url },
        since: "2000-01-01T00:00:00.000Z",
        lagSeconds: 0,
      });
      expect({ exitCode: exported.exitCode, stderr: exported.stderr }).toMatchObject({
        exitCode: 0,
      });
      expect(exported.result).toMatchObject({ cursor: { updatedAt: expect.any(String) } });
    },
    RUN_BUDGET_MS,
  );
});
