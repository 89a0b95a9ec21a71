// The event flow (resources/flows/kustomer_conversation_done.flow): valid OpenFlow by Windmill's own
// validator, calling the deployed scripts by path with the parameters they take, and run here step
// by step as Windmill runs it (preprocessor, then each module with its input transforms, "$res:"
// resolved, stop_after_if, the first matching branch) on real deliveries from the sandbox: a
// conversation marked done gets one tag and one note, a repeated delivery changes nothing, other
// events end the run, and an event whose actions failed is handled when Kustomer retries it.
import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { WindmillYamlValidator } from "windmill-yaml-validator";
import { kustomerSignature } from "../../resources/kustomer.ts";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { ROOT } from "../helpers/project.ts";
import { type Standin, startWindmillStandin } from "../helpers/windmill-standin.ts";

const FLOW_DIR = join(ROOT, "resources", "flows", "kustomer_conversation_done.flow");

type Transform = { type: "static"; value: unknown } | { type: "javascript"; expr: string };
type Module = {
  id: string;
  stop_after_if?: { expr: string; skip_if_stopped?: boolean };
  value: {
    type: string;
    path?: string;
    content?: string;
    language?: string;
    input_transforms?: { [name: string]: Transform };
    branches?: { expr: string; modules: Module[] }[];
    default?: Module[];
  };
};
type Flow = {
  summary: string;
  value: {
    preprocessor_module: Module;
    modules: Module[];
    concurrent_limit?: number;
    concurrency_key?: string;
  };
  schema: { properties: { [name: string]: { format?: string } }; required: string[] };
};

const validation = new WindmillYamlValidator().validate(
  readFileSync(join(FLOW_DIR, "flow.yaml"), "utf8"),
  { type: "flow" },
);
const flow = validation.parsed.data as Flow;

/** Every module, branches included. */
function allModules(modules: Module[]): Module[] {
  return modules.flatMap((module) => [
    module,
    ...allModules(module.value.branches?.flatMap((branch) => branch.modules) ?? []),
    ...allModules(module.value.default ?? []),
  ]);
}

/** f/kustomer/<folder>/<name> → scripts/<folder>/<name>.ts (the Windmill tree's layout). */
function scriptFile(path: string): string {
  return join(ROOT, `${path.replace(/^f\/kustomer\//, "scripts/")}.ts`);
}

describe("the kustomer_conversation_done flow definition", () => {
  test("is valid OpenFlow for Windmill's own validator", () => {
    expect(validation.errors).toEqual([]);
    expect(flow.summary).toContain("conversation done");
  });

  test("its preprocessor and first step are the deployed intake script", () => {
    expect(flow.value.preprocessor_module).toMatchObject({
      id: "preprocessor",
      value: { type: "script", path: "f/kustomer/webhooks/receive_kustomer_event" },
    });
    expect(flow.value.modules[0]?.value).toMatchObject({
      type: "script",
      path: "f/kustomer/webhooks/receive_kustomer_event",
    });
    expect(flow.schema.properties.webhook?.format).toBe("resource-kustomer_webhook");
    expect(flow.schema.required).toEqual(["webhook", "raw_body", "signature"]);
  });

  test("every script step names a script of the collection, with exactly its parameters", () => {
    const steps = allModules([flow.value.preprocessor_module, ...flow.value.modules]).filter(
      (module) => module.value.type === "script",
    );
    expect(steps.map((step) => step.id)).toEqual(["preprocessor", "verify", "add_tag", "add_note"]);
    for (const step of steps.slice(1)) {
      const file = scriptFile(step.value.path ?? "");
      expect(existsSync(file)).toBe(true);
      const parameters = kustomerSignature(readFileSync(file, "utf8")).map((p) => p.name);
      expect({ step: step.id, inputs: Object.keys(step.value.input_transforms ?? {}) }).toEqual({
        step: step.id,
        inputs: parameters,
      });
    }
  });

  test("runs one at a time per workspace, so two copies of an event cannot both pass the check", () => {
    expect(flow.value.concurrent_limit).toBe(1);
    expect(flow.value.concurrency_key).toBe("kustomer-conversation-done-$workspace");
  });
});

// ---- Running it ----

// Windmill's state through Windmill's API, as a worker reaches it: the stand-in of Windmill's API on
// 127.0.0.1 (tests/helpers/windmill-standin.ts) keeps the resources, and the variables a worker sets
// for a Bun job (BASE_INTERNAL_URL, WM_TOKEN, WM_WORKSPACE) point the step at it. No state exists
// before the first event: the step creates it.
const SEEN_PATH = "f/kustomer/kustomer_conversation_done_seen";
const WINDMILL_ENV = ["BASE_INTERNAL_URL", "WM_TOKEN", "WM_WORKSPACE"] as const;
let windmill: Standin;

let sandbox: Sandbox;
const resources = new Map<string, unknown>();
/** Deliveries the sandbox sent to the flow's address, as Windmill's webhook would hand them over. */
const deliveries: { raw: string; headers: { [name: string]: string } }[] = [];
let receiver: ReturnType<typeof Bun.serve>;

beforeAll(() => {
  windmill = startWindmillStandin({});
  process.env.BASE_INTERNAL_URL = windmill.url.replace(/\/$/, "");
  process.env.WM_TOKEN = windmill.token;
  process.env.WM_WORKSPACE = windmill.workspace;
  sandbox = startSandbox({ port: 0, webhookRetryDelaysMs: [] });
  receiver = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const headers: { [name: string]: string } = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      deliveries.push({ raw: await request.text(), headers });
      return Response.json({ job: deliveries.length });
    },
  });
});

afterAll(async () => {
  await sandbox.stop();
  receiver.stop(true);
  windmill.stop();
  for (const name of WINDMILL_ENV) {
    delete process.env[name];
  }
});

beforeEach(() => {
  mock.restore(); // the real fetch: the flow's steps talk to the sandbox
});

type Main = (...args: unknown[]) => Promise<unknown>;

function resolve(value: unknown): unknown {
  if (typeof value === "string" && value.startsWith("$res:")) {
    const resource = resources.get(value.slice(5));
    if (resource === undefined) {
      throw new Error(`no resource at ${value}`);
    }
    return resource;
  }
  return value;
}

function evaluate(expr: string, scope: { [name: string]: unknown }): unknown {
  return new Function(...Object.keys(scope), `return (${expr});`)(...Object.values(scope));
}

async function runStep(module: Module, flowInput: unknown, results: { [id: string]: unknown }) {
  const { value } = module;
  const file =
    value.type === "script"
      ? scriptFile(value.path ?? "")
      : join(FLOW_DIR, (value.content ?? "").replace(/^!inline /, ""));
  const loaded: { main: Main } = await import(file);
  const inputs = Object.entries(value.input_transforms ?? {}).map(([name, transform]) => [
    name,
    resolve(
      transform.type === "static"
        ? transform.value
        : evaluate(transform.expr, { flow_input: flowInput, results }),
    ),
  ]);
  const parameters =
    value.type === "script"
      ? kustomerSignature(readFileSync(file, "utf8")).map((p) => p.name)
      : inputs.map(([name]) => name as string);
  const byName = Object.fromEntries(inputs);
  return await loaded.main(...parameters.map((name) => byName[name]));
}

/** Runs modules in order as Windmill does; returns the ids of the steps that ran. */
async function runModules(
  modules: Module[],
  flowInput: unknown,
  results: { [id: string]: unknown },
): Promise<{ ran: string[]; stopped: boolean }> {
  const ran: string[] = [];
  for (const module of modules) {
    if (module.value.type === "branchone") {
      const branch = module.value.branches?.find((candidate) =>
        evaluate(candidate.expr, { flow_input: flowInput, results }),
      );
      const inner = await runModules(
        branch?.modules ?? module.value.default ?? [],
        flowInput,
        results,
      );
      ran.push(...inner.ran);
      continue;
    }
    const result = await runStep(module, flowInput, results);
    results[module.id] = result;
    ran.push(module.id);
    if (
      module.stop_after_if &&
      evaluate(module.stop_after_if.expr, { result, flow_input: flowInput })
    ) {
      return { ran, stopped: true };
    }
  }
  return { ran, stopped: false };
}

/** One delivery through the flow, starting with its preprocessor on Windmill's webhook event. */
async function runFlow(delivery: { raw: string; headers: { [name: string]: string } }) {
  const intake: { preprocessor: (event: unknown) => Promise<unknown> } = await import(
    scriptFile(flow.value.preprocessor_module.value.path ?? "")
  );
  const flowInput = await intake.preprocessor({
    kind: "webhook",
    raw_string: delivery.raw,
    headers: delivery.headers,
    query: { raw: "true" },
  });
  const results: { [id: string]: unknown } = {};
  const outcome = await runModules(flow.value.modules, flowInput, results);
  return { ...outcome, results };
}

async function run(script: string, ...args: unknown[]): Promise<{ data: { id: string } }> {
  const loaded: { main: Main } = await import(join(ROOT, "scripts", `${script}.ts`));
  return (await loaded.main(resources.get("f/kustomer/kustomer"), ...args)) as {
    data: { id: string };
  };
}

async function nextDeliveries(action: () => Promise<unknown>) {
  const before = deliveries.length;
  await action();
  await sandbox.webhooksSettled();
  return deliveries.slice(before);
}

/** The notes the flow left on the conversation, read back through the collection's script. */
async function notesOf(conversationId: string): Promise<{ attributes: { body: string } }[]> {
  const page = (await run(
    "conversations/get_notes_by_conversation",
    conversationId,
  )) as unknown as {
    data: { attributes: { body: string } }[];
  };
  return page.data.filter((note) => note.attributes.body.startsWith("Marked done"));
}

describe("the flow on the sandbox's deliveries", () => {
  let conversationId = "";
  /** What the flow's own actions (tag, note) made the sandbox deliver. */
  let ownDeliveries: typeof deliveries = [];

  beforeAll(async () => {
    mock.restore();
    resources.set("f/kustomer/kustomer", { apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const webhook = await run("outbound_webhooks/create_outbound_webhook", {
      name: "Windmill flow",
      url: `http://127.0.0.1:${receiver.port}/api/w/acme/jobs/run/f/f/kustomer/kustomer_conversation_done?raw=true`,
      events: ["kustomer.conversation.update"],
    });
    resources.set("f/kustomer/kustomer_webhook", {
      token: (webhook.data as unknown as { attributes: { token: string } }).attributes.token,
    });
    const customer = await run("customers/create_customer", { name: "Ada" });
    conversationId = (
      await run("conversations/create_conversation", { customer: customer.data.id })
    ).data.id;
  });

  test("a conversation marked done gets the tag and the note; a repeat of the delivery changes nothing", async () => {
    const [done] = await nextDeliveries(() =>
      run("conversations/update_conversation_attributes", conversationId, { status: "done" }),
    );
    if (!done) {
      throw new Error("no delivery");
    }
    let first: Awaited<ReturnType<typeof runFlow>> | undefined;
    ownDeliveries = await nextDeliveries(async () => {
      first = await runFlow(done);
    });
    expect(first).toMatchObject({
      ran: ["verify", "check_duplicate", "add_tag", "add_note", "remember"],
      stopped: false,
    });
    const conversation = sandbox.records("conversations").find((doc) => doc.id === conversationId);
    expect(conversation?.attributes.tags).toEqual(["closed-by-windmill"]);
    expect(await notesOf(conversationId)).toHaveLength(1);

    // Remembered in Windmill's state, a resource of type state created by the step.
    const seen = windmill.resources.get(SEEN_PATH)?.value as { ids?: string[] } | undefined;
    expect(windmill.resources.get(SEEN_PATH)?.resource_type).toBe("state");
    const verified = first?.results.verify as { id: string } | undefined;
    expect(seen?.ids).toEqual([String(verified?.id)]);

    const again = await runFlow(done);
    expect(again).toMatchObject({ ran: ["verify", "check_duplicate"], stopped: true });
    expect(await notesOf(conversationId)).toHaveLength(1);
  });

  test("the flow's own tag change, and other changes, end the run without action", async () => {
    // The add_tag step above changed the conversation: Kustomer (here the sandbox) sent that too.
    expect(ownDeliveries.length).toBeGreaterThan(0);
    for (const own of ownDeliveries) {
      const result = await runFlow(own);
      expect(result.ran).toEqual(["verify", "check_duplicate", "remember"]);
      expect((result.results.verify as { changes: object }).changes).not.toHaveProperty("status");
    }
    const [priority] = await nextDeliveries(() =>
      run("conversations/update_conversation_attributes", conversationId, { priority: 1 }),
    );
    if (!priority) {
      throw new Error("no delivery");
    }
    const result = await runFlow(priority);
    expect(result.ran).toEqual(["verify", "check_duplicate", "remember"]);
    expect((result.results.verify as { changes: object }).changes).toMatchObject({
      priority: { after: 1 },
    });
    expect(await notesOf(conversationId)).toHaveLength(1);
  });

  test("a tampered delivery fails the run at verify, before anything is done", async () => {
    const [reopened] = await nextDeliveries(() =>
      run("conversations/update_conversation_attributes", conversationId, { status: "open" }),
    );
    if (!reopened) {
      throw new Error("no delivery");
    }
    const forged = { ...reopened, raw: reopened.raw.replace('"open"', '"done"') };
    await expect(runFlow(forged)).rejects.toMatchObject({ code: "bad_signature" });
    expect(await notesOf(conversationId)).toHaveLength(1);
  });

  test("an event whose actions failed is not remembered: Kustomer's retry is handled once", async () => {
    const [done] = await nextDeliveries(() =>
      run("conversations/update_conversation_attributes", conversationId, { status: "done" }),
    );
    if (!done) {
      throw new Error("no delivery");
    }
    const good = resources.get("f/kustomer/kustomer");
    resources.set("f/kustomer/kustomer", { apiKey: "revoked-key", baseUrl: sandbox.url });
    await expect(runFlow(done)).rejects.toMatchObject({ status: 401 });
    resources.set("f/kustomer/kustomer", good);
    expect((await runFlow(done)).ran).toContain("add_note");
    expect((await runFlow(done)).stopped).toBe(true);
    expect(await notesOf(conversationId)).toHaveLength(2);
  });
});
