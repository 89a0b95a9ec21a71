// `bun run build:windmill` (tools/build-windmill.ts) writes the tree `wmill sync push` takes: every
// script with its metadata, the folder, the resource type and wmill's own config. These tests
// build into temporary directories and read the result back as wmill would; no network.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { kustomerSignature } from "../resources/kustomer.ts";
import {
  type BuildResult,
  buildWindmillTree,
  GENERATED_MARKER,
  listSourceFlows,
  NO_DEPENDENCIES_BUN_LOCK,
  parseArgs,
  scriptDocs,
  TIMEOUT_MARGIN_SECONDS,
} from "../tools/build-windmill.ts";
import { BUN_RUNTIME_SCRIPTS, HANDWRITTEN } from "../tools/handwritten.ts";
import { listKustomerScripts, listScripts, ROOT, readProjectFile } from "./helpers/project.ts";
import { BUILD_BUDGET_MS, builtTree, requireTree } from "./helpers/windmill-tree.ts";

// Building or generating handles every script (Windmill's parser, Biome): seconds, more on a busy
// machine. A guard against a hang, not a speed target.
setDefaultTimeout(60_000);

type SchemaNode = {
  type?: string;
  description?: string;
  format?: string;
  default?: unknown;
  properties?: { [name: string]: SchemaNode };
};

type ScriptYaml = {
  summary: string;
  description: string;
  lock?: string;
  kind: string;
  schema: {
    $schema: string;
    type: string;
    properties: { [name: string]: SchemaNode };
    required: string[];
    order: string[];
  };
};

const scratch = mkdtempSync(join(tmpdir(), "windmill-build-"));
let builtTreeResult: BuildResult | undefined;
/** The shared build (tests/helpers/windmill-tree.ts); a test fails loudly when it is missing. */
const built = {
  get outDir() {
    return requireTree(builtTreeResult).outDir;
  },
  get scripts() {
    return requireTree(builtTreeResult).scripts;
  },
  get flows() {
    return requireTree(builtTreeResult).flows;
  },
};

/** Every file under `dir`, by path relative to it, with its bytes. */
function readTree(dir: string): Map<string, Buffer> {
  const tree = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      tree.set(full.slice(dir.length + 1), readFileSync(full));
    }
  }
  return tree;
}

/** The two directories hold the same files with the same bytes. */
function expectSameTree(actualDir: string, expectedDir: string): void {
  const actual = readTree(actualDir);
  const expected = readTree(expectedDir);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) {
    expect({ file, same: actual.get(file)?.equals(bytes) }).toEqual({ file, same: true });
  }
}

function readYaml<T>(file: string): T {
  return parse(readFileSync(join(built.outDir, file), "utf8"));
}

const parsedMetadata = new Map<string, ScriptYaml>();

/** The parsed .script.yaml of a Windmill path, read once. */
function metadataOf(path: string): ScriptYaml {
  let metadata = parsedMetadata.get(path);
  if (!metadata) {
    metadata = readYaml<ScriptYaml>(`${path}.script.yaml`);
    parsedMetadata.set(path, metadata);
  }
  return metadata;
}

/** f/kustomer/<folder>/<name> for scripts/<folder>/<name>.ts */
function windmillPathOf(script: string): string {
  return script.replace(/^scripts\//, "f/kustomer/").replace(/\.ts$/, "");
}

// Parsing every script with Windmill's parser takes a while on a busy 2-core machine.
beforeAll(async () => {
  builtTreeResult = await builtTree();
}, BUILD_BUDGET_MS);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("the tree", () => {
  test("holds every script of scripts/ and every flow, and nothing else besides wmill's files", () => {
    // A script that imports windmill-client ships no lock: Windmill resolves it on deploy.
    const expected = listScripts().flatMap((script) => [
      `${windmillPathOf(script)}.ts`,
      `${windmillPathOf(script)}.script.yaml`,
      ...(readProjectFile(script).includes('from "windmill-client"')
        ? []
        : [`${windmillPathOf(script)}.script.lock`]),
    ]);
    expect(built.scripts.length).toBe(listScripts().length);
    const files = [...readTree(built.outDir).keys()];
    const flowFiles = files.filter((file) => file.startsWith("f/kustomer/flows/"));
    expect(files.filter((file) => !flowFiles.includes(file)).sort()).toEqual(
      [
        ...expected,
        "f/kustomer/folder.meta.yaml",
        "kustomer.resource-type.yaml",
        "kustomer_webhook.resource-type.yaml",
        "wmill-lock.yaml",
        "wmill.yaml",
      ].sort(),
    );
    expect(built.flows.map((flow) => flow.source)).toEqual(listSourceFlows());
    expect(listSourceFlows().length).toBeGreaterThan(0);
    for (const flow of built.flows) {
      expect(flowFiles).toContain(`${flow.windmillPath}__flow/flow.yaml`);
    }
  });

  test("wmill.yaml includes exactly the files shipped under f/, and skips what includes cannot", () => {
    const config = readYaml<{ [key: string]: unknown }>("wmill.yaml");
    expect(
      readFileSync(join(built.outDir, "wmill.yaml"), "utf8").startsWith(GENERATED_MARKER),
    ).toBe(true);
    expect(config.defaultTs).toBe("bun");
    const shipped = [...readTree(built.outDir).keys()].filter((file) => file.startsWith("f/"));
    expect(config.includes).toEqual(shipped.sort());
    // Not filtered by includes in wmill (sync.ts ignoreF): without these a push deletes them.
    expect(config.skipWorkspaceDependencies).toBe(true);
    expect(config.skipDatatableMigrations).toBe(true);
    // A push with resource types on would delete the workspace's other resource types.
    expect(config.skipResourceTypes).toBe(true);
    expect(config.skipResources).toBe(true);
    expect(config.skipVariables).toBe(true);
    expect(config.syncBehavior).toBe("v1");
    expect(config.nonDottedPaths).toBe(true);
  });

  test("has one folder: Windmill's folder is the first segment under f/ only", () => {
    const metas = [...readTree(built.outDir).keys()].filter((file) =>
      file.endsWith("folder.meta.yaml"),
    );
    expect(metas).toEqual(["f/kustomer/folder.meta.yaml"]);
    expect(readYaml<{ display_name: string }>("f/kustomer/folder.meta.yaml").display_name).toBe(
      "kustomer",
    );
  });

  for (const name of ["kustomer", "kustomer_webhook"]) {
    test(`the resource type is resources/${name}.resource-type.json, in wmill's form`, () => {
      const json = JSON.parse(readProjectFile(`resources/${name}.resource-type.json`));
      const file = readYaml<{ schema: unknown; description: string }>(`${name}.resource-type.yaml`);
      expect(file.schema).toEqual(json);
      expect(Object.keys(file.schema as object)).toEqual(Object.keys(json));
      expect(Object.keys((file.schema as { properties: object }).properties)).toEqual(
        Object.keys(json.properties),
      );
      expect(file.description).toBe(json.description);
    });
  }

  test("the webhook intake keeps its preprocessor and takes the kustomer_webhook resource", () => {
    const metadata = metadataOf("f/kustomer/webhooks/receive_kustomer_event") as ScriptYaml & {
      has_preprocessor?: boolean;
    };
    expect(metadata.has_preprocessor).toBe(true);
    expect(metadata.schema.properties.webhook).toMatchObject({
      type: "object",
      format: "resource-kustomer_webhook",
    });
    expect(metadata.schema.order).toEqual(["webhook", "raw_body", "signature"]);
  });

  test("wmill-lock.yaml holds the hash wmill computes for each script's metadata and flow", () => {
    const lock = readYaml<{ version: string; locks: { [path: string]: string } }>(
      "wmill-lock.yaml",
    );
    expect(lock.version).toBe("v2");
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
    for (const flow of built.flows) {
      const folder = `${flow.windmillPath}__flow`;
      const inline = readdirSync(join(built.outDir, folder))
        .filter((file) => file.endsWith(".ts"))
        .sort();
      const hashes = Object.fromEntries(
        inline.map((file) => [file, sha256(`${readFileSync(join(built.outDir, folder, file))}{}`)]),
      );
      expect(lock.locks[`${folder}+__flow_hash`]).toBe(sha256(JSON.stringify(hashes)));
    }
    for (const script of listScripts()) {
      const path = windmillPathOf(script);
      const content = readFileSync(join(built.outDir, `${path}.ts`), "utf8");
      const metadata = readFileSync(join(built.outDir, `${path}.script.yaml`), "utf8");
      const hash = createHash("sha256").update(`{}${content}${metadata}`).digest("hex");
      expect({ path, hash: lock.locks[path] }).toEqual({ path, hash });
    }
  });
});

for (const script of listKustomerScripts()) {
  describe(`${script} in the tree`, () => {
    const path = windmillPathOf(script);
    const source = readProjectFile(script);

    test("is copied byte for byte, with its metadata and Windmill's lock for no dependencies", () => {
      const copy = readFileSync(join(built.outDir, `${path}.ts`));
      expect(copy.equals(readFileSync(join(ROOT, script)))).toBe(true);
      const metadata = metadataOf(path);
      const usesClient = source.includes('from "windmill-client"');
      // No `language`: wmill takes it from the .ts extension and defaultTs in wmill.yaml.
      if (usesClient) {
        // windmill-client (the triggers' state) is the one dependency a script may have: Windmill
        // resolves it on deploy, so those ship no lock.
        expect(Object.keys(metadata).filter((key) => key !== "timeout")).toEqual([
          "summary",
          "description",
          "kind",
          "schema",
        ]);
        expect(existsSync(join(built.outDir, `${path}.script.lock`))).toBe(false);
        return;
      }
      expect(Object.keys(metadata).filter((key) => key !== "timeout")).toEqual([
        "summary",
        "description",
        "lock",
        "kind",
        "schema",
      ]);
      expect(metadata.kind).toBe("script");
      expect(metadata.lock).toBe(`!inline ${path}.script.lock`);
      expect(readFileSync(join(built.outDir, `${path}.script.lock`), "utf8")).toBe(
        NO_DEPENDENCIES_BUN_LOCK,
      );
    });

    test(
      BUN_RUNTIME_SCRIPTS.has(script)
        ? "runs on Bun, with a job timeout beyond its deadline"
        : "is //native, with the instance's job timeout",
      () => {
        const metadata = metadataOf(path) as ScriptYaml & { timeout?: number };
        if (!BUN_RUNTIME_SCRIPTS.has(script)) {
          expect(source.startsWith("//native\n")).toBe(true);
          expect(metadata.timeout).toBeUndefined();
          return;
        }
        expect(source.startsWith("//native")).toBe(false);
        const inSignature = metadata.schema.properties.deadlineSeconds?.default;
        const deadline =
          typeof inSignature === "number"
            ? inSignature
            : HANDWRITTEN.find((entry) => entry.file === script)?.defaultDeadlineSeconds;
        expect(typeof deadline).toBe("number");
        expect(metadata.timeout).toBe(Number(deadline) + TIMEOUT_MARGIN_SECONDS);
      },
    );

    test("its schema names main's parameters, in order, required exactly when main requires", () => {
      const { schema } = metadataOf(path);
      const signature = kustomerSignature(source);
      const names = signature.map((parameter) => parameter.name);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.type).toBe("object");
      expect(Object.keys(schema.properties)).toEqual(names);
      expect(schema.order).toEqual(names);
      expect(schema.required).toEqual(
        signature.filter((parameter) => !parameter.optional).map((parameter) => parameter.name),
      );
      for (const name of names) {
        expect({ name, type: typeof schema.properties[name]?.type }).toEqual({
          name,
          type: "string",
        });
      }
      // Each field is described by the doc comment above its parameter, as --help shows it.
      for (const parameter of signature) {
        expect({
          name: parameter.name,
          description: schema.properties[parameter.name]?.description,
        }).toEqual({ name: parameter.name, description: parameter.doc ?? "" });
      }
    });

    test("auth is the kustomer resource", () => {
      const { schema } = metadataOf(path);
      expect(schema.properties.auth).toMatchObject({ type: "object", format: "resource-kustomer" });
      expect(schema.required).toContain("auth");
    });

    test("summary is the title line; description carries the route, roles and reference", () => {
      const metadata = metadataOf(path);
      const title = /^\/\*\*\s*\n\s*\*\s*(.+)$/m.exec(source)?.[1]?.trim();
      expect(metadata.summary).toBe(title ?? "(no title line)");
      const route = /^\s*\*\s*((?:GET|POST|PUT|PATCH|DELETE) \/\S+)$/m.exec(source)?.[1];
      const roles = /^\s*\*\s*(Roles\b.*)$/m.exec(source)?.[1];
      const reference = /^\s*\*\s*(Reference: \S+)$/m.exec(source)?.[1];
      const lines = metadata.description.split("\n");
      for (const line of [route, roles, reference]) {
        expect(lines).toContain(line ?? "(missing from the script's header)");
      }
      expect(metadata.description.startsWith(title ?? "")).toBe(false);
    });
  });
}

test("form fields carry what a user must know: what blank means, paging limits, what replace costs", () => {
  const update = metadataOf("f/kustomer/customers/update_customer").schema.properties;
  expect(update.body?.description).toStartWith("Only the fields you fill are sent");
  expect(update.replace?.description).toContain("every field you do not send is erased");
  const list = metadataOf("f/kustomer/customers/get_customers").schema.properties;
  expect(list.pageSize?.description).toBe("How many records a page holds, at most 100.");
  const exported = metadataOf("f/kustomer/customers/export_customers").schema.properties;
  expect(exported.since?.description).toContain("ISO date-time");
});

describe("building", () => {
  // Three builds in all (the tree above, one here through the API, one from the command line):
  // each parses every script, which takes several seconds on a busy machine.
  const again = join(scratch, "again");

  test(
    "twice gives identical bytes",
    async () => {
      await buildWindmillTree({ outDir: again });
      expectSameTree(again, built.outDir);
    },
    BUILD_BUDGET_MS,
  );

  test(
    "from the command line, with --out, empties an earlier build first",
    () => {
      // A script deleted from scripts/ must not linger in the tree: a push would redeploy it.
      mkdirSync(join(again, "f", "kustomer", "gone"), { recursive: true });
      writeFileSync(join(again, "f", "kustomer", "gone", "old_script.ts"), "stale");
      writeFileSync(join(again, "f", "kustomer", "gone", "old_script.script.yaml"), "stale");
      writeFileSync(join(again, "leftover.txt"), "stale");
      const run = Bun.spawnSync(["bun", "tools/build-windmill.ts", "--out", again], { cwd: ROOT });
      expect(run.stderr.toString()).toBe("");
      expect(run.exitCode).toBe(0);
      expect(run.stdout.toString()).toMatch(
        /^Built \d+ scripts and \d+ flows? into .+ in \d+ ms\n$/,
      );
      expect(existsSync(join(again, "f", "kustomer", "gone"))).toBe(false);
      expect(existsSync(join(again, "leftover.txt"))).toBe(false);
      expectSameTree(again, built.outDir);
    },
    BUILD_BUDGET_MS,
  );

  test("refuses to empty a directory it did not write", async () => {
    const outDir = join(scratch, "foreign");
    mkdirSync(outDir);
    writeFileSync(join(outDir, "notes.txt"), "mine");
    await expect(buildWindmillTree({ outDir })).rejects.toThrow(/not written by this build/);
    expect(readFileSync(join(outDir, "notes.txt"), "utf8")).toBe("mine");
  });

  test("reads --out DIR and --out=DIR, and rejects anything else", () => {
    expect(parseArgs([])).toEqual({});
    expect(parseArgs(["--out", "x"])).toEqual({ outDir: "x" });
    expect(parseArgs(["--out=y"])).toEqual({ outDir: "y" });
    expect(() => parseArgs(["--out"])).toThrow(/Unexpected argument/);
    expect(() => parseArgs(["--bogus"])).toThrow(/Unexpected argument "--bogus"/);
  });
});

describe("the doc comment", () => {
  const source = `//native
/**
 * Do a thing
 *
 * First line of prose
 * continues here.
 *
 * - a list item
 * - another
 *
 * GET /v1/things/{id}
 * Roles (any one): a, b
 * Reference: https://example.com/thing
 */
export async function main(auth: Kustomer) {}`;

  test("gives the title as summary and unwraps prose, keeping line-per-item blocks", () => {
    expect(scriptDocs(source, "x.ts")).toEqual({
      summary: "Do a thing",
      description: [
        "First line of prose continues here.",
        "- a list item\n- another",
        "GET /v1/things/{id}\nRoles (any one): a, b\nReference: https://example.com/thing",
      ].join("\n\n"),
    });
  });

  test("is required before main", () => {
    expect(() => scriptDocs("export async function main() {}\n/** late */", "x.ts")).toThrow(
      /doc comment/,
    );
  });
});
