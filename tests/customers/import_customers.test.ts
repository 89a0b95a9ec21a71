// import_customers: any number of customers through POST /v1/customers/bulk, every record accounted
// for. The engine's behaviour is tested once in tests/shared/bulk-import.test.ts; here, the script
// itself: its schema and routes, what it sends (against a stubbed fetch), and whole imports against
// the sandbox with faults injected: 500s, connections dropped after the write, 429s, a re-run.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { kustomerRequest } from "../../resources/kustomer.ts";
import { BODY_SCHEMAS, CORE_OPERATIONS } from "../../resources/operations.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main, RESOURCE } from "../../scripts/customers/import_customers.ts";
import { fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import {
  expectEachRecordOnce,
  expectStoredOnce,
  FAST,
  startImportSandbox,
} from "../helpers/import-harness.ts";
import { expectOfficialBody, testWithOfficialSpec } from "../helpers/official-schema.ts";
import { readProjectFile } from "../helpers/project.ts";
import { sampleCustomer } from "../helpers/samples.ts";

const SCRIPT = "scripts/customers/import_customers.ts";

const customers = (count: number, from = 0) =>
  Array.from({ length: count }, (_, position) => ({
    name: `Customer ${from + position}`,
    externalId: `crm-${from + position}`,
    emails: [{ type: "work" as const, email: `c${from + position}@example.com` }],
  }));

const externalIds = (count: number) => customers(count).map((customer) => customer.externalId);

describe("import_customers, the script", () => {
  test("checks each record with the items of BulkCreateCustomers' body schema", () => {
    const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
      readProjectFile(SCRIPT),
    )?.[1];
    expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateCustomers?.items);
  });

  test("sends to the bulk route and looks records up with routes Kustomer has", () => {
    const routes = CORE_OPERATIONS.map(([id, method, path]) => `${id} ${method} ${path}`);
    expect(routes).toContain(`${RESOURCE.operation} POST ${RESOURCE.path}`);
    expect(routes).toContain(`${RESOURCE.lookup.operation} GET ${RESOURCE.lookup.path}`);
    expect(routes).toContain("CustomerSearch POST /v1/customers/search");
  });

  test("sends 100 customers per call, each with a _clientRef, and returns their ids", async () => {
    const api = fakeBulkApi();
    const calls = stubFetch(api.handler);
    const records = Array.from({ length: 150 }, (_, index) => sampleCustomer(index));
    const result = await main(TEST_AUTH, records, "never", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 150);
    const posts = calls.filter((call) => call.method === "POST");
    expect(posts.map((call) => call.path)).toEqual(["/v1/customers/bulk", "/v1/customers/bulk"]);
    expect(posts.map((call) => (call.body as unknown[]).length)).toEqual([100, 50]);
    expect((posts[1]?.body as { _clientRef: string }[] | undefined)?.[0]?._clientRef).toBe(
      "row-100",
    );
    expect(result.created[149]).toMatchObject({ index: 149, externalId: "crm-1149" });
    expect(result.created.map((entry) => entry.id)).toEqual(api.records.map((record) => record.id));
  });

  testWithOfficialSpec(`each bulk body matches the official schema`, async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const records = Array.from({ length: 120 }, (_, index) => sampleCustomer(index));
    await main(TEST_AUTH, records, "never", 1, 0, 60, FAST);
    for (const call of calls.filter((entry) => entry.method === "POST")) {
      expectOfficialBody("POST", "/v1/customers/bulk", call.body);
    }
  });

  test("invalid customers are reported with what to fix and never sent", async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const result = await main(
      TEST_AUTH,
      [
        customers(1)[0] ?? {},
        { name: "Bad", emails: [{ type: "work" }] },
        { gender: "x" },
      ] as never,
      "never",
      1,
      0,
      60,
      FAST,
    );
    expectEachRecordOnce(result, 3);
    expect(result.invalid).toEqual([
      { index: 1, clientRef: "row-1", problems: ["records[1].emails[0].email is required"] },
      {
        index: 2,
        clientRef: "row-2",
        problems: ['records[2].gender must be one of "m", "f" (got "x")'],
      },
    ]);
    expect(calls.filter((call) => call.method === "POST")[0]?.body).toHaveLength(1);
  });

  test("a wrong key fails with Kustomer's 401 after one request, and the key is never shown", async () => {
    const calls = stubFetch(() =>
      jsonResponse(401, { errors: [{ status: 401, code: "unauthorized", detail: "bad key" }] }),
    );
    const error = await main(TEST_AUTH, customers(300), "auto", 1, 0, 60, FAST).catch((e) => e);
    expect(error).toMatchObject({ name: "KustomerError", status: 401 });
    expect(calls).toHaveLength(1);
    expect(`${error.message}${error.stack}${JSON.stringify(error)}`).not.toContain(
      TEST_AUTH.apiKey,
    );
  });
});

describe("import_customers against the sandbox", () => {
  let sandbox: Sandbox | undefined;

  beforeEach(() => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  });

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  test("with 500s and connections dropped after the write: every customer once, none twice", async () => {
    const faults = { dropped: 0, failed: 0 };
    const started = startImportSandbox({
      failRate: 0.1,
      dropAfterCommitRate: 0.1,
      log: () => faults.dropped++,
      onResponse: ({ status }) => {
        faults.failed += status === 500 ? 1 : 0;
      },
    });
    sandbox = started.sandbox;
    const result = await main(started.auth, customers(1_000), "auto", 1, 0, 120, FAST);
    // The faults did happen: bulk calls and reads met 500s, and writes lost their answers.
    expect(faults.dropped).toBeGreaterThan(0);
    expect(faults.failed).toBeGreaterThan(0);
    expectEachRecordOnce(result, 1_000);
    expect(result.summary).toMatchObject({ created: 1_000, failed: 0, invalid: 0 });
    expectStoredOnce(sandbox, "customers", externalIds(1_000), result);
  });

  test("sharing the org's budget with another integration: 429s are waited out, nothing lost", async () => {
    const started = startImportSandbox({
      rateLimit: 30,
      rateWindowMs: 300,
      rateResetUnit: "ms",
      dropAfterCommitRate: 0.05,
    });
    sandbox = started.sandbox;
    const { auth } = started;
    let importing = true;
    const neighbour = (async () => {
      // Another integration of the same org, in bursts that spend a whole window's budget.
      while (importing) {
        const burst = Array.from({ length: 30 }, () =>
          fetch(`${auth.baseUrl}/v1/customers?pageSize=1`, {
            headers: { Authorization: `Bearer ${auth.apiKey}` },
          }).then((response) => response.arrayBuffer()),
        );
        await Promise.all(burst);
        await Bun.sleep(100);
      }
    })();
    const result = await main(auth, customers(200), "auto", 1, 0, 120, FAST).finally(() => {
      importing = false;
    });
    await neighbour;
    expect(result.summary.throttled).toBeGreaterThan(0);
    expectEachRecordOnce(result, 200);
    expect(result.summary.created).toBe(200);
    expectStoredOnce(sandbox, "customers", externalIds(200), result);
  });

  test("run again after an interrupted run: what it created is found, not created twice", async () => {
    const started = startImportSandbox({ dropAfterCommitRate: 0.1 });
    sandbox = started.sandbox;
    // The interrupted run had sent the first 400 customers and, further on, 100 more.
    await main(started.auth, customers(400), "never", 1, 0, 60, FAST);
    await main(started.auth, customers(100, 500), "never", 1, 500, 60, FAST);
    const result = await main(started.auth, customers(1_500), "auto", 1, 0, 120, FAST);
    expectEachRecordOnce(result, 1_500);
    expect(result.summary).toMatchObject({ existing: 500, created: 1_000, failed: 0 });
    expect(result.created[450]).toMatchObject({ index: 450, externalId: "crm-450" });
    expect(result.created[450]?.existing).toBeUndefined();
    expect(result.created[550]).toMatchObject({ index: 550, existing: true });
    expectStoredOnce(sandbox, "customers", externalIds(1_500), result);
  });

  test("a customer whose externalId Kustomer already has (409) is reported as existing", async () => {
    const started = startImportSandbox({ uniqueExternalIds: true });
    sandbox = started.sandbox;
    const before = (await kustomerRequest(started.auth, {
      operation: "CreateCustomer",
      method: "POST",
      path: "/v1/customers",
      body: { name: "Already there", externalId: "crm-2" },
    })) as { data: { id: string } };
    const result = await main(started.auth, customers(5), "never", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 5);
    expect(result.summary).toMatchObject({ created: 4, existing: 1, failed: 0 });
    expect(result.created[2]).toMatchObject({ index: 2, id: before.data.id, existing: true });
    expectStoredOnce(sandbox, "customers", externalIds(5), result);
  });
});
