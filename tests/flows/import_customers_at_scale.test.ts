// The Windmill flow for very large imports (resources/flows/import_customers_at_scale.flow): valid
// OpenFlow by Windmill's own validator (npm windmill-yaml-validator), its parallelism matched to the
// rate budget, the deployed import_customers script called by path, and its steps run here in
// order, as Windmill would run them, against the sandbox with faults: every record once in the
// gathered result, none created twice, and a slice that fails reported as a range, not lost.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { WindmillYamlValidator } from "windmill-yaml-validator";
import { main as gather } from "../../resources/flows/import_customers_at_scale.flow/gather_results.inline_script.ts";
import { main as split } from "../../resources/flows/import_customers_at_scale.flow/split_records.inline_script.ts";
import { kustomerSignature } from "../../resources/kustomer.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main as importSlice } from "../../scripts/customers/import_customers.ts";
import { FAST, startImportSandbox } from "../helpers/import-harness.ts";
import { ROOT } from "../helpers/project.ts";

const FLOW_DIR = join(ROOT, "resources", "flows", "import_customers_at_scale.flow");
const FLOW_FILE = join(FLOW_DIR, "flow.yaml");

type Transform = { type: "static"; value: unknown } | { type: "javascript"; expr: string };
type Module = {
  id: string;
  retry?: { constant?: { attempts: number; seconds: number } };
  value: {
    type: string;
    path?: string;
    content?: string;
    language?: string;
    input_transforms?: { [name: string]: Transform };
    modules?: Module[];
    iterator?: Transform;
    parallel?: boolean;
    parallelism?: Transform;
    skip_failures?: boolean;
  };
};
type Flow = {
  summary: string;
  value: { modules: Module[] };
  schema: { properties: { [name: string]: { default?: unknown } }; required: string[] };
};

const validation = new WindmillYamlValidator().validate(readFileSync(FLOW_FILE, "utf8"), {
  type: "flow",
});
const flow = validation.parsed.data as Flow;
const [splitStep, loopStep, gatherStep] = flow.value.modules;
const importStep = loopStep?.value.modules?.[0];

/** Evaluates a step input as Windmill does: a static value, or a JavaScript expression. */
function evaluate(
  transform: Transform | undefined,
  scope: { flow_input: unknown; results: unknown },
) {
  if (!transform) {
    return undefined;
  }
  if (transform.type === "static") {
    return transform.value;
  }
  return new Function("flow_input", "results", `return (${transform.expr});`)(
    scope.flow_input,
    scope.results,
  );
}

function inputsOf(step: Module | undefined, scope: { flow_input: unknown; results: unknown }) {
  return Object.fromEntries(
    Object.entries(step?.value.input_transforms ?? {}).map(([name, transform]) => [
      name,
      evaluate(transform, scope),
    ]),
  );
}

describe("the import_customers_at_scale flow definition", () => {
  test("is valid OpenFlow for Windmill's own validator", () => {
    expect(validation.errors).toEqual([]);
    expect(flow.summary).toBe("Import customers at scale");
  });

  test("the validator itself catches a broken flow", () => {
    const broken = readFileSync(FLOW_FILE, "utf8")
      .replace("        skip_failures: true\n", "")
      .replace("type: forloopflow", "type: forloop");
    const { errors } = new WindmillYamlValidator().validate(broken, { type: "flow" });
    expect(errors.length).toBeGreaterThan(0);
  });

  test("splits, imports in a parallel for-loop, then gathers", () => {
    expect(flow.value.modules.map((step) => [step.id, step.value.type])).toEqual([
      ["split", "rawscript"],
      ["import_slices", "forloopflow"],
      ["gather", "rawscript"],
    ]);
    expect(loopStep?.value).toMatchObject({
      iterator: { type: "javascript", expr: "results.split" },
      parallel: true,
      // One failed slice must not stop the others: the gather step accounts for it.
      skip_failures: true,
    });
    expect(importStep?.retry?.constant?.attempts).toBeGreaterThan(0);
  });

  test("imports with the deployed import_customers script, by path: one copy of the engine", () => {
    expect(importStep?.value).toMatchObject({
      type: "script",
      path: "f/kustomer/customers/import_customers",
    });
    expect(existsSync(join(ROOT, "scripts", "customers", "import_customers.ts"))).toBe(true);
    // Every input the step gives is a parameter of the script's main.
    const source = readFileSync(join(ROOT, "scripts", "customers", "import_customers.ts"), "utf8");
    const parameters = kustomerSignature(source).map((parameter) => parameter.name);
    for (const input of Object.keys(importStep?.value.input_transforms ?? {})) {
      expect(parameters).toContain(input);
    }
  });

  test("each of the imports running at once takes its part of the rate budget", () => {
    const parallelism = evaluate(loopStep?.value.parallelism, { flow_input: {}, results: {} });
    const share = evaluate(importStep?.value.input_transforms?.rateShare, {
      flow_input: { rateShare: 0.8 },
      results: {},
    });
    expect(share).toBeCloseTo(0.8 / Number(parallelism));
  });

  test("a slice's deadline fits in Windmill Cloud's default job timeout (900 s)", () => {
    const deadline = evaluate(importStep?.value.input_transforms?.deadlineSeconds, {
      flow_input: {},
      results: {},
    });
    expect(Number(deadline)).toBeLessThanOrEqual(900 - 120);
  });

  test("its own steps are inline Bun scripts (they hold every record: not //native)", () => {
    for (const step of [splitStep, gatherStep]) {
      const file = /^!inline (.+)$/.exec(step?.value.content ?? "")?.[1] ?? "";
      expect(existsSync(join(FLOW_DIR, file))).toBe(true);
      expect(readFileSync(join(FLOW_DIR, file), "utf8").split("\n")[0]).toBe("/**");
      expect(step?.value.language).toBe("bun");
    }
  });

  test("asks for the kustomer resource and the records; slice size and share have defaults", () => {
    expect(flow.schema.required).toEqual(["kustomer", "records"]);
    expect(flow.schema.properties.sliceSize?.default).toBe(2000);
    expect(flow.schema.properties.rateShare?.default).toBe(0.8);
  });
});

describe("the flow's steps, run in order against the sandbox", () => {
  let sandbox: Sandbox | undefined;

  beforeEach(() => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  });

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  test("with faults, and a slice retried after it was lost: every record once, none twice", async () => {
    const started = startImportSandbox({ failRate: 0.05, dropAfterCommitRate: 0.05 });
    sandbox = started.sandbox;
    const records = Array.from({ length: 1_050 }, (_, index) => ({
      name: `Customer ${index}`,
      externalId: `flow-${index}`,
    }));
    const flow_input = { kustomer: started.auth, records, sliceSize: 200, rateShare: 0.8 };
    const results: { [step: string]: unknown } = {};
    results.split = await split(
      ...(Object.values(inputsOf(splitStep, { flow_input, results })) as [never, never]),
    );
    const slices = results.split as { firstIndex: number; records: unknown[] }[];
    expect(slices.map((slice) => slice.firstIndex)).toEqual([0, 200, 400, 600, 800, 1000]);

    const runSlice = (value: unknown) => {
      const inputs = inputsOf(importStep, {
        flow_input: { ...flow_input, iter: { value } },
        results,
      });
      return importSlice(
        inputs.auth as never,
        inputs.records as never,
        inputs.checkExisting as "auto",
        inputs.rateShare as number,
        inputs.firstIndex as number,
        inputs.deadlineSeconds as number,
        FAST,
      );
    };
    // A worker was lost during the third slice: Windmill runs the step again (its retry).
    await runSlice({ ...slices[2], records: slices[2]?.records.slice(0, 120) });
    results.import_slices = await Promise.all(slices.map(runSlice));

    const gathered = await gather(
      ...(Object.values(inputsOf(gatherStep, { flow_input, results })) as [never, never, never]),
    );
    expect(gathered.unaccounted).toEqual([]);
    expect(gathered.summary).toMatchObject({
      records: 1_050,
      created: 930,
      existing: 120,
      failed: 0,
    });
    expect(gathered.created.map((entry) => entry.index)).toEqual(records.map((_, index) => index));
    const stored = started.sandbox
      .records("customers")
      .map((record) => record.attributes.externalId);
    expect(stored).toHaveLength(1_050);
    expect(new Set(stored).size).toBe(1_050);
  });
});

describe("a slice that fails for good", () => {
  const plan = [
    { firstIndex: 0, count: 3 },
    { firstIndex: 3, count: 3 },
    { firstIndex: 6, count: 2 },
  ];
  const slice = (from: number, to: number) => ({
    summary: { records: to - from + 1, created: to - from + 1, seconds: 2 },
    created: Array.from({ length: to - from + 1 }, (_, offset) => ({ index: from + offset })),
    failed: [],
    invalid: [],
  });

  test("is reported as an index range with the reason; the other slices still count", async () => {
    // Windmill gives a failed iteration of a loop that skips failures as null.
    const gathered = await gather([slice(0, 2), null, slice(6, 7)], plan, 8);
    expect(gathered.created.map((entry) => entry.index)).toEqual([0, 1, 2, 6, 7]);
    expect(gathered.summary).toMatchObject({ records: 5, created: 5, failedSlices: 1 });
    expect(gathered.unaccounted).toEqual([
      {
        firstIndex: 3,
        lastIndex: 5,
        reason: expect.stringMatching(/^slice 2 \(records 3 to 5\) failed: .*checkExisting/),
      },
    ]);
  });

  test("with its error, when Windmill passes one", async () => {
    const failed = { error: { name: "Error", message: "worker lost" } };
    const gathered = await gather([slice(0, 2), slice(3, 5), failed], plan, 8);
    expect(gathered.unaccounted).toEqual([
      { firstIndex: 6, lastIndex: 7, reason: "slice 3 (records 6 to 7) failed: worker lost" },
    ]);
  });

  test("records missing from or repeated in a slice's result are listed as ranges too", async () => {
    const short = { ...slice(0, 2), created: [{ index: 0 }, { index: 0 }] };
    const gathered = await gather([short, slice(3, 5), slice(6, 7)], plan, 8);
    expect(gathered.unaccounted).toEqual([
      { firstIndex: 0, lastIndex: 0, reason: "reported 2 times" },
      { firstIndex: 1, lastIndex: 2, reason: "not in any slice's result" },
    ]);
  });
});
