// The nightly CRM sync flow (resources/flows/nightly_crm_sync.flow): valid OpenFlow for Windmill's
// own validator, its script steps pointing at scripts of the collection, and two nights of it run
// here step by step as Windmill would (the while loop carrying the cursor from page to page, the
// state resource kept through Windmill's API, a stand-in on 127.0.0.1) against the sandbox: every customer sent to
// the CRM once, the CRM's contacts upserted, and the next night sending only what changed.
import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { WindmillYamlValidator } from "windmill-yaml-validator";
import { main as crmChanges } from "../../resources/flows/nightly_crm_sync.flow/crm_changes.inline_script.ts";
import { main as loadCursor } from "../../resources/flows/nightly_crm_sync.flow/load_cursor.inline_script.ts";
import { main as saveCursor } from "../../resources/flows/nightly_crm_sync.flow/save_cursor.inline_script.ts";
import { main as sendToCrm } from "../../resources/flows/nightly_crm_sync.flow/send_to_crm.inline_script.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main as bulkUpsertCustomers } from "../../scripts/customers/bulk_upsert_customers.ts";
import {
  main as exportCustomers,
  kustomerSyncSettings,
} from "../../scripts/customers/export_customers.ts";
import { ROOT } from "../helpers/project.ts";
import { startSyncSandbox } from "../helpers/sync-harness.ts";
import { type Standin, startWindmillStandin } from "../helpers/windmill-standin.ts";

const FLOW_DIR = join(ROOT, "resources", "flows", "nightly_crm_sync.flow");
type Transform = { type: "static"; value: unknown } | { type: "javascript"; expr: string };
type Module = {
  id: string;
  stop_after_if?: { expr: string };
  value: {
    type: string;
    path?: string;
    content?: string;
    input_transforms?: { [name: string]: Transform };
    modules?: Module[];
    iterator?: Transform;
  };
};
const validation = new WindmillYamlValidator().validate(
  readFileSync(join(FLOW_DIR, "flow.yaml"), "utf8"),
  { type: "flow" },
);
const modules = (validation.parsed.data as { value: { modules: Module[] } }).value.modules;
const find = (id: string, within: Module[]): Module | undefined => {
  for (const module of within) {
    const found = module.id === id ? module : find(id, module.value.modules ?? []);
    if (found) {
      return found;
    }
  }
  return undefined;
};
const step = (id: string): Module => {
  const found = find(id, modules);
  if (!found) {
    throw new Error(`no step ${id}`);
  }
  return found;
};

function inputs(id: string, scope: { flow_input: object; results: object }) {
  return Object.fromEntries(
    Object.entries(step(id).value.input_transforms ?? {}).map(([name, transform]) => [
      name,
      transform.type === "static"
        ? transform.value
        : new Function("flow_input", "results", `return (${transform.expr});`)(
            scope.flow_input,
            scope.results,
          ),
    ]),
  );
}

describe("the nightly_crm_sync flow definition", () => {
  test("is valid OpenFlow for Windmill's own validator", () => {
    expect(validation.errors).toEqual([]);
  });

  test("its script steps are scripts of the collection, its inline steps files of the flow", () => {
    const walk = (list: Module[]): Module[] =>
      list.flatMap((module) => [module, ...walk(module.value.modules ?? [])]);
    for (const module of walk(modules)) {
      if (module.value.type === "script") {
        const file = String(module.value.path).replace(/^f\/kustomer\//, "scripts/");
        expect(existsSync(join(ROOT, `${file}.ts`))).toBe(true);
      }
      if (module.value.type === "rawscript") {
        const inline = String(module.value.content).replace(/^!inline /, "");
        expect(existsSync(join(FLOW_DIR, inline))).toBe(true);
      }
    }
    expect(step("export_page").stop_after_if?.expr).toBe("result.done");
  });
});

describe("two nights of the flow against the sandbox", () => {
  let sandbox: Sandbox;
  let auth: { apiKey: string; baseUrl: string };
  let windmill: Standin;
  beforeAll(() => {
    // Windmill's API as a worker reaches it (BASE_INTERNAL_URL, WM_TOKEN, WM_WORKSPACE): the
    // stand-in on 127.0.0.1 keeps the state resource, which does not exist before the first night.
    windmill = startWindmillStandin({});
    process.env.BASE_INTERNAL_URL = windmill.url.replace(/\/$/, "");
    process.env.WM_TOKEN = windmill.token;
    process.env.WM_WORKSPACE = windmill.workspace;
    kustomerSyncSettings.searchesPerWindow = 100_000;
    kustomerSyncSettings.windowSeconds = 1;
    ({ sandbox, auth } = startSyncSandbox());
  });
  beforeEach(() => {
    mock.restore(); // the real fetch: the steps talk to the sandbox on 127.0.0.1
  });
  afterAll(async () => {
    for (const name of ["BASE_INTERNAL_URL", "WM_TOKEN", "WM_WORKSPACE"]) {
      delete process.env[name];
    }
    windmill.stop();
    kustomerSyncSettings.searchesPerWindow = 100;
    kustomerSyncSettings.windowSeconds = 60;
    await sandbox.stop();
  });

  /** One run: the steps in order, the while loop until export_page says done. */
  async function night(crmRecords: { externalId: string; [field: string]: unknown }[]) {
    const flow_input = {
      kustomer: auth,
      stateResource: "f/kustomer/nightly_crm_sync_state",
      maxRecords: 40,
      crmRecords,
    };
    const results: { [id: string]: unknown } = {};
    results.load_cursor = await loadCursor(
      inputs("load_cursor", { flow_input, results }).stateResource,
    );
    const sent: { crmId: string | null; kustomerId: string }[] = [];
    for (let iteration = 0; iteration < 100; iteration++) {
      const args = inputs("export_page", { flow_input, results });
      // The flow runs lagSeconds 60 in Windmill; the sandbox's writes are seen at once.
      const page = await exportCustomers(
        args.auth,
        args.cursor,
        args.since,
        args.maxRecords,
        false,
        0,
        args.deadlineSeconds,
      );
      results.export_page = page;
      for (const record of page.records ?? []) {
        sent.push(await sendToCrm(record as Parameters<typeof sendToCrm>[0]));
      }
      const save = inputs("save_cursor", { flow_input, results });
      await saveCursor(save.stateResource, save.cursor, save.done);
      if (page.done) {
        break;
      }
    }
    results.crm_changes = await crmChanges(inputs("crm_changes", { flow_input, results }).records);
    const args = inputs("crm_to_kustomer", { flow_input, results });
    // The flow runs the bulk step with its default timings; polls are shortened here.
    const upserted = await bulkUpsertCustomers(args.auth, args.records, 1, 0, 60, {
      firstPollSeconds: 0.005,
      maxPollSeconds: 0.05,
    });
    // What became of each contact, in the CRM's order (every one is in exactly one list).
    const actions: string[] = [];
    for (const action of ["created", "updated", "unchanged", "failed", "invalid"] as const) {
      for (const entry of upserted[action]) {
        actions[entry.index] = action;
      }
    }
    return { sent, actions };
  }

  test("the first night sends every customer once; the CRM's contacts are upserted", async () => {
    const ids = sandbox.seed(
      "customers",
      Array.from({ length: 130 }, (_, index) => ({
        name: `C ${index}`,
        externalId: `crm-${index}`,
      })),
    );
    await Bun.sleep(3);
    const { sent, actions } = await night([
      { externalId: "crm-1", name: "C 1" },
      { externalId: "crm-2", name: "Renamed in the CRM" },
      { externalId: "crm-new", name: "New in the CRM" },
    ]);
    expect(sent.map((item) => item.kustomerId).sort()).toEqual([...ids].sort());
    expect(actions).toEqual(["unchanged", "updated", "created"]);
    // The cursor was kept in a state resource the first save created, then updated page by page.
    // A copy: the matcher below must not touch the stand-in's own record.
    const state = structuredClone(windmill.resources.get("f/kustomer/nightly_crm_sync_state"));
    expect(state).toMatchObject({
      resource_type: "state",
      value: { cursor: { updatedAt: expect.any(String) } },
    });
  });

  test("the next night sends only what changed since, and the same CRM contacts change nothing", async () => {
    await Bun.sleep(3);
    const { sent, actions } = await night([
      { externalId: "crm-2", name: "Renamed in the CRM" },
      { externalId: "crm-new", name: "New in the CRM" },
    ]);
    // What last night's upserts changed in Kustomer goes to the CRM once (the same values back).
    expect(sent.map((item) => item.crmId).sort()).toEqual(["crm-2", "crm-new"]);
    expect(actions).toEqual(["unchanged", "unchanged"]);
  });
});
