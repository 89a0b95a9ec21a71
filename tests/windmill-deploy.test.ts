// Deploying the built tree with Windmill's own CLI (npm windmill-cli, pinned in package.json) to a
// stand-in Windmill API on 127.0.0.1 (tests/helpers/windmill-standin.ts) whose workspace already
// holds what a real one would: a workspace dependency file, a user's own flow and script inside the
// collection's folder, a script in another folder, an outdated copy of one of our scripts, and the
// Hub's `kustomer` resource type in `admins`. Every call the CLI makes is recorded: a push must
// create or update the collection's items and nothing else, and a second push must change nothing.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { parse } from "yaml";
import type { BuildResult } from "../tools/build-windmill.ts";
import { ROOT } from "./helpers/project.ts";
import {
  type Standin,
  type StandinCall,
  startWindmillStandin,
} from "./helpers/windmill-standin.ts";
import { BUILD_BUDGET_MS, builtTree, requireTree } from "./helpers/windmill-tree.ts";

const WMILL = join(ROOT, "node_modules", "windmill-cli", "esm", "main.js");
/** A CLI run parses the whole tree and talks to the stand-in: seconds, more on a busy machine. */
const CLI_BUDGET_MS = 180_000;

const EMPTY_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {},
  required: [],
};
const USER_SCRIPT = "f/kustomer/my_own_report";
const USER_FLOW = "f/kustomer/my_own_flow";
const OTHER_FOLDER_SCRIPT = "f/ops/cleanup";
const OUTDATED = "f/kustomer/customers/get_customer_by_id";
const DEPENDENCY_FILE = "package.json";
const HUB_KUSTOMER_TYPE = {
  name: "kustomer",
  description: "Kustomer (from the Windmill Hub)",
  schema: { type: "object", properties: { apiKey: { type: "string" } }, required: ["apiKey"] },
};

let tree: BuildResult | undefined;
let scratch = "";
let treeCopy = "";

beforeAll(async () => {
  tree = await builtTree();
  scratch = mkdtempSync(join(tmpdir(), "wmill-push-"));
  // The CLI runs in the tree; a copy keeps the shared build untouched whatever it writes.
  treeCopy = join(scratch, "tree");
  cpSync(tree.outDir, treeCopy, { recursive: true });
}, BUILD_BUDGET_MS);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A workspace as the issue describes it, before the collection is pushed. */
function seededStandin(): Standin {
  const ours = readFileSync(join(requireTree(tree).outDir, `${OUTDATED}.ts`), "utf8");
  return startWindmillStandin({
    folders: ["kustomer", "ops"],
    scripts: [
      {
        path: OUTDATED,
        content: ours.replace("Get customer by ID", "Get customer by ID (an older version)"),
        summary: "Get customer by ID",
        description: "an older version",
        schema: EMPTY_SCHEMA,
        lock: "",
        kind: "script",
        language: "bunnative",
      },
      {
        path: USER_SCRIPT,
        content: "export async function main() {\n  return 'mine';\n}\n",
        summary: "A user's own report",
        description: "",
        schema: EMPTY_SCHEMA,
        lock: "",
        kind: "script",
        language: "bun",
      },
      {
        path: OTHER_FOLDER_SCRIPT,
        content: "export async function main() {\n  return 'ops';\n}\n",
        summary: "Clean up",
        description: "",
        schema: EMPTY_SCHEMA,
        lock: "",
        kind: "script",
        language: "bun",
      },
    ],
    flows: [
      {
        path: USER_FLOW,
        summary: "A user's own flow",
        description: "",
        value: { modules: [] },
        schema: EMPTY_SCHEMA,
      },
    ],
    dependencies: { [DEPENDENCY_FILE]: '{ "dependencies": { "lodash": "4.17.21" } }' },
    adminsResourceTypes: [HUB_KUSTOMER_TYPE],
  });
}

type CliRun = { exitCode: number; stdout: string; stderr: string };

/** Runs `wmill <args>` in the tree copy against the stand-in, with a config dir of its own. */
async function wmill(standin: Standin | undefined, ...args: string[]): Promise<CliRun> {
  const connection = standin
    ? ["--base-url", standin.url, "--token", standin.token, "--workspace", standin.workspace]
    : [];
  const child = Bun.spawn(["node", WMILL, ...args, ...connection], {
    cwd: treeCopy,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: scratch,
      WMILL_CONFIG_DIR: join(scratch, "config"),
      NO_COLOR: "1",
      CI: "true",
    },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  // The CLI colours its output even with NO_COLOR; the tests read plain text.
  return {
    exitCode,
    stdout: stripVTControlCharacters(stdout),
    stderr: stripVTControlCharacters(stderr),
  };
}

/** The writes, as "METHOD what": scripts and flows by their Windmill path. */
function describeWrites(calls: StandinCall[]): string[] {
  return calls.map((call) => {
    const route = call.path.replace(/^\/api\/w\/[^/]+\//, "");
    const body = call.body as { path?: string } | undefined;
    if (route === "scripts/create" || route === "flows/create") {
      return `${route} ${body?.path}`;
    }
    return `${call.method} ${route}`;
  });
}

describe("wmill sync push of the built tree to a workspace that has items of its own", () => {
  let standin: Standin | undefined;
  let dryRun: CliRun;
  let push: CliRun;
  let writesOfPush: StandinCall[] = [];

  beforeAll(async () => {
    standin = seededStandin();
    dryRun = await wmill(standin, "sync", "push", "--dry-run");
    const writesOfDryRun = standin.writes().length;
    expect(writesOfDryRun).toBe(0);
    push = await wmill(standin, "sync", "push", "--yes");
    writesOfPush = standin.writes();
  }, CLI_BUDGET_MS);

  afterAll(() => standin?.stop());

  test("the dry run lists creations and one update, and no deletion at all", () => {
    expect(dryRun.exitCode).toBe(0);
    const lines = dryRun.stdout.split("\n");
    const deletions = lines.filter((line) => /^- /.test(line));
    expect(deletions).toEqual([]);
    expect(lines).toContain(`~ script ${OUTDATED}.ts`);
    expect(lines).toContain("+ flow f/kustomer/flows/import_customers_at_scale__flow/flow.yaml");
    expect(dryRun.stdout).not.toContain(USER_SCRIPT);
    expect(dryRun.stdout).not.toContain(USER_FLOW);
    expect(dryRun.stdout).not.toContain("dependencies/");
    expect(dryRun.stdout).not.toMatch(/Stale (scripts|flows)/);
  });

  test("the push creates or updates exactly the collection's scripts and flows", () => {
    expect({ exitCode: push.exitCode, stderr: push.stderr }).toMatchObject({ exitCode: 0 });
    const built = requireTree(tree);
    const expected = [
      ...built.scripts.map((script) => `scripts/create ${script.windmillPath}`),
      ...built.flows.map((flow) => `flows/create ${flow.windmillPath}`),
      // The folder's summary (the stand-in's folder has none yet).
      "POST folders/update/kustomer",
    ].sort();
    expect(describeWrites(writesOfPush).sort()).toEqual(expected);
  });

  test("nothing the collection does not ship is archived, deleted or changed", () => {
    const state = standin as Standin;
    const removals = writesOfPush.filter((call) => /\/(archive|delete)\//.test(call.path));
    expect(describeWrites(removals)).toEqual([]);
    expect(state.scripts.get(USER_SCRIPT)?.map((version) => version.archived ?? false)).toEqual([
      false,
    ]);
    expect(state.scripts.get(OTHER_FOLDER_SCRIPT)).toHaveLength(1);
    expect(state.flows.has(USER_FLOW)).toBe(true);
    expect(state.dependencies.get(DEPENDENCY_FILE)).toContain("lodash");
    expect(state.adminsResourceTypes.get("kustomer")).toEqual(HUB_KUSTOMER_TYPE);
    expect(state.resourceTypes.size).toBe(0);
  });

  test("the outdated copy gets a new version: our script, its lock and its metadata", () => {
    const state = standin as Standin;
    const versions = state.scripts.get(OUTDATED) ?? [];
    expect(versions).toHaveLength(2);
    const latest = versions[1];
    const built = requireTree(tree);
    expect(latest?.content).toBe(readFileSync(join(built.outDir, `${OUTDATED}.ts`), "utf8"));
    expect(latest?.lock).toBe(readFileSync(join(built.outDir, `${OUTDATED}.script.lock`), "utf8"));
    expect(latest?.language).toBe("bunnative");
  });

  test("long steps arrive on Bun with their job timeout; the flow calls the deployed import", () => {
    const state = standin as Standin;
    const importScript = state.scripts.get("f/kustomer/customers/import_customers")?.at(-1);
    expect(importScript?.language).toBe("bun");
    expect(importScript?.timeout).toBeGreaterThan(3600);
    const flow = state.flows.get("f/kustomer/flows/import_customers_at_scale") as {
      value: { modules: { id: string; value: { modules?: { value: unknown }[] } }[] };
    };
    const loop = flow.value.modules.find((module) => module.id === "import_slices");
    expect(loop?.value.modules?.[0]?.value).toMatchObject({
      type: "script",
      path: "f/kustomer/customers/import_customers",
    });
  });

  test(
    "a second push of the same tree changes nothing",
    async () => {
      const state = standin as Standin;
      const before = state.writes().length;
      const again = await wmill(state, "sync", "push", "--yes");
      expect(again.exitCode).toBe(0);
      expect(describeWrites(state.writes().slice(before))).toEqual([]);
    },
    CLI_BUDGET_MS,
  );
});

/**
 * What imports windmill-client in the tree (scripts, and flows' inline steps by module id): Windmill
 * computes such a lock when it deploys the item (it installs windmill-client), so the tree ships
 * none for them; every other script and step ships the lock Windmill computes for no imports.
 */
function importsOfWindmillClient(outDir: string): string[] {
  const importsClient = (file: string) =>
    readFileSync(join(outDir, file), "utf8").includes('from "windmill-client"');
  type Module = { id: string; value: { type: string; content?: string; modules?: Module[] } };
  const walk = (modules: Module[]): Module[] =>
    modules.flatMap((module) => [module, ...walk(module.value.modules ?? [])]);
  const found: string[] = [];
  for (const file of readdirSync(outDir, { recursive: true }) as string[]) {
    if (file.endsWith("__flow/flow.yaml")) {
      const folder = file.slice(0, -"/flow.yaml".length);
      const flow = parse(readFileSync(join(outDir, file), "utf8")) as {
        value: { modules: Module[] };
      };
      for (const module of walk(flow.value.modules)) {
        const inline = /^!inline (.+)$/.exec(module.value.content ?? "")?.[1];
        if (module.value.type === "rawscript" && inline && importsClient(`${folder}/${inline}`)) {
          found.push(`${file}: inline script '${module.id}'`);
        }
      }
    } else if (file.endsWith(".ts") && !file.includes("__flow/") && importsClient(file)) {
      found.push(file.replace(/\.ts$/, ".script.yaml"));
    }
  }
  return found.sort();
}

describe("wmill lint", () => {
  test(
    "accepts the tree",
    async () => {
      const run = await wmill(undefined, "lint");
      expect({ exitCode: run.exitCode, out: run.stdout }).toEqual({
        exitCode: 0,
        out: expect.stringContaining("Lint passed"),
      });
    },
    CLI_BUDGET_MS,
  );

  test(
    "with locks required, passes: nothing imports windmill-client, every script and step has its lock",
    async () => {
      const run = await wmill(undefined, "lint", "--locks-required");
      const invalid = [
        ...run.stdout.matchAll(
          /^ {2}- (\S+) \((\w+)\)\n {4}• Missing lock for bun (?:inline script '(\w+)'|script)/gm,
        ),
      ].map(([, file, , id]) => (id ? `${file}: inline script '${id}'` : file));
      // A step importing windmill-client would get its lock only on deploy (and be refused here);
      // the state steps reach Windmill's state with fetch instead, so none does.
      expect(importsOfWindmillClient(requireTree(tree).outDir)).toEqual([]);
      expect(invalid).toEqual([]);
      expect(run.exitCode).toBe(0);
    },
    CLI_BUDGET_MS,
  );
});

describe("wmill resource-type push on an instance that has the Hub's kustomer type", () => {
  test(
    "reports success but changes nothing the workspace's form reads (hence region detection)",
    async () => {
      const standin = seededStandin();
      try {
        const run = await wmill(
          standin,
          "resource-type",
          "push",
          "kustomer.resource-type.yaml",
          "kustomer",
        );
        expect(run.exitCode).toBe(0);
        // The CLI finds the type through `admins` and sends an update for the workspace's own row,
        // which does not exist: the form keeps showing the Hub's { apiKey } schema.
        expect(describeWrites(standin.writes())).toEqual(["POST resources/type/update/kustomer"]);
        expect(standin.resourceTypes.size).toBe(0);
        expect(standin.adminsResourceTypes.get("kustomer")).toEqual(HUB_KUSTOMER_TYPE);
      } finally {
        standin.stop();
      }
    },
    CLI_BUDGET_MS,
  );
});
