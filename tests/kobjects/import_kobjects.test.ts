// import_kobjects: any number of KObjects of one Klass through POST /v1/klasses/{name}/bulk. The
// engine is tested once (tests/shared/bulk-import.test.ts); here the script's schema and routes,
// its checks of the Klass name, and a whole import against the sandbox with faults.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { kustomerRequest } from "../../resources/kustomer.ts";
import { BODY_SCHEMAS, CORE_OPERATIONS } from "../../resources/operations.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main, RESOURCE } from "../../scripts/kobjects/import_kobjects.ts";
import { fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import {
  expectEachRecordOnce,
  expectStoredOnce,
  FAST,
  startImportSandbox,
} from "../helpers/import-harness.ts";
import { readProjectFile } from "../helpers/project.ts";

const orders = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    title: `Order #${1000 + index}`,
    externalId: `order-${1000 + index}`,
    data: { totalNum: 10 + index },
  }));

describe("import_kobjects, the script", () => {
  test("checks each record with the items of BulkCreateKObjects' body schema", () => {
    const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
      readProjectFile("scripts/kobjects/import_kobjects.ts"),
    )?.[1];
    expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateKObjects?.items);
  });

  test("sends to the Klass's bulk route and looks KObjects up with routes Kustomer has", () => {
    const routes = CORE_OPERATIONS.map(([id, method, path]) => `${id} ${method} ${path}`);
    expect(routes).toContain(`${RESOURCE.operation} POST ${RESOURCE.path}`);
    expect(routes).toContain(`${RESOURCE.lookup.operation} GET ${RESOURCE.lookup.path}`);
  });

  test("sends to /v1/klasses/<name>/bulk; no Klass name is refused before sending", async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const result = await main(TEST_AUTH, "order", orders(3), "never", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 3);
    expect(calls.find((call) => call.method === "POST")?.path).toBe("/v1/klasses/order/bulk");
    await expect(main(TEST_AUTH, " ", orders(3), "never", 1, 0, 60, FAST)).rejects.toThrow(
      "name is required",
    );
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(1);
  });
});

describe("import_kobjects against the sandbox", () => {
  let sandbox: Sandbox | undefined;

  beforeEach(() => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  });

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  test("a Klass that does not exist stops the import with Kustomer's 404, nothing created", async () => {
    const started = startImportSandbox();
    sandbox = started.sandbox;
    await expect(main(started.auth, "nope", orders(150), "never", 1, 0, 60, FAST)).rejects.toThrow(
      'klass "nope" not found',
    );
  });

  test("with 500s and dropped connections: every KObject once, none twice", async () => {
    const started = startImportSandbox({ failRate: 0.1, dropAfterCommitRate: 0.1 });
    sandbox = started.sandbox;
    while (sandbox.records("klasses").length === 0) {
      await kustomerRequest(started.auth, {
        operation: "CreateKlass",
        method: "POST",
        path: "/v1/klasses",
        body: { name: "order" },
      }).catch(() => undefined);
    }
    const records = orders(350);
    const result = await main(started.auth, "order", records, "auto", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 350);
    expect(result.summary).toMatchObject({ created: 350, failed: 0 });
    expectStoredOnce(
      sandbox,
      "kobjects:order",
      records.map((record) => record.externalId),
      result,
    );
  });
});
