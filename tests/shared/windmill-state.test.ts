// The polling triggers keep their cursor in Windmill's state without importing windmill-client:
// resources/sync.ts calls the state API (the resource at WM_STATE_PATH_NEW, of type "state") with
// fetch, as windmill-client's getState and setState do. Checked against the Windmill stand-in on
// 127.0.0.1: the first run creates the state, the next ones update it and resume from it.
import { afterEach, describe, expect, test } from "bun:test";
import type { Sandbox } from "../../sandbox/server.ts";
import { kustomerSyncSettings, main } from "../../scripts/triggers/trigger_customers.ts";
import { startSyncSandbox } from "../helpers/sync-harness.ts";
import { type Standin, startWindmillStandin } from "../helpers/windmill-standin.ts";

const STATE_PATH = "u/admin/trigger_customers_state";
const WINDMILL_ENV = ["WM_STATE_PATH_NEW", "WM_TOKEN", "WM_WORKSPACE", "BASE_INTERNAL_URL"];

describe("a trigger's state in Windmill", () => {
  let sandbox: Sandbox | undefined;
  let standin: Standin | undefined;

  afterEach(async () => {
    for (const name of WINDMILL_ENV) {
      delete process.env[name];
    }
    standin?.stop();
    await sandbox?.stop();
  });

  test("is created on the first run, then read and updated: every change once", async () => {
    kustomerSyncSettings.searchesPerWindow = 100_000;
    kustomerSyncSettings.windowSeconds = 1;
    const started = startSyncSandbox();
    sandbox = started.sandbox;
    standin = startWindmillStandin({});
    // What a Windmill worker sets for a job of a scheduled trigger.
    process.env.WM_STATE_PATH_NEW = STATE_PATH;
    process.env.WM_TOKEN = standin.token;
    process.env.WM_WORKSPACE = standin.workspace;
    process.env.BASE_INTERNAL_URL = standin.url.replace(/\/$/, "");
    const run = () => main(started.auth, undefined, undefined, 0, 60, 1);

    expect(await run()).toEqual([]);
    expect(standin.resources.get(STATE_PATH)?.resource_type).toBe("state");
    const first = structuredClone(standin.resources.get(STATE_PATH)?.value);
    expect(first).toMatchObject({ cursor: { updatedAt: expect.any(String) } });

    await Bun.sleep(3);
    const created = sandbox.seed("customers", [{ name: "Ada" }, { name: "Grace" }]);
    await Bun.sleep(3);
    const changed = await run();
    expect(changed.map((record) => record.id)).toEqual(created);
    expect(await run()).toEqual([]);
    // Updated in place (update_value), never created twice; the token was sent, never stored.
    const writes = standin.writes().map((call) => call.path.replace(/^\/api\/w\/[^/]+\//, ""));
    expect(writes.filter((path) => path === "resources/create")).toHaveLength(1);
    expect(writes.filter((path) => path.startsWith("resources/update_value/"))).toHaveLength(2);
    expect(JSON.stringify(standin.resources.get(STATE_PATH))).not.toContain(standin.token);
  });

  test("a state the worker may not read fails the run with Windmill's answer, not the token", async () => {
    const started = startSyncSandbox();
    sandbox = started.sandbox;
    standin = startWindmillStandin({});
    process.env.WM_STATE_PATH_NEW = STATE_PATH;
    process.env.WM_TOKEN = "secret-windmill-token";
    process.env.WM_WORKSPACE = "another-workspace";
    process.env.BASE_INTERNAL_URL = standin.url.replace(/\/$/, "");
    const failure = await main(started.auth, undefined, undefined, 0, 60, 1).catch(
      (error: Error) => error,
    );
    // The stand-in knows only its own workspace: the read is a 404 (no state yet), and the
    // write that follows fails with Windmill's answer.
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toMatch(/^Windmill state \w+ failed: 404/);
    expect(String((failure as Error).message)).not.toContain("secret-windmill-token");
  });
});
