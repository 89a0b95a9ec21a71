// import_companies: any number of companies through POST /v1/companies/bulk. The engine is tested
// once (tests/shared/bulk-import.test.ts); here the script's schema and routes, what it sends, and
// a whole import against the sandbox with 500s and dropped connections.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { BODY_SCHEMAS, CORE_OPERATIONS } from "../../resources/operations.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main, RESOURCE } from "../../scripts/companies/import_companies.ts";
import { fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import {
  expectEachRecordOnce,
  expectStoredOnce,
  FAST,
  startImportSandbox,
} from "../helpers/import-harness.ts";
import { readProjectFile } from "../helpers/project.ts";

const companies = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    name: `Company ${index}`,
    externalId: `co-${index}`,
    domains: [{ domain: `company${index}.example.com` }],
  }));

describe("import_companies, the script", () => {
  test("checks each record with the items of BulkCreateCompanies' body schema", () => {
    const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
      readProjectFile("scripts/companies/import_companies.ts"),
    )?.[1];
    expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateCompanies?.items);
  });

  test("sends to the bulk route, and finds a company with GET /v1/companies?externalId=", () => {
    const routes = CORE_OPERATIONS.map(([id, method, path]) => `${id} ${method} ${path}`);
    expect(routes).toContain(`${RESOURCE.operation} POST ${RESOURCE.path}`);
    expect(routes).toContain(`${RESOURCE.lookup.operation} GET ${RESOURCE.lookup.path}`);
    expect(RESOURCE.lookup).toMatchObject({ by: "query", parameter: "externalId" });
  });

  test("sends companies 100 per call; a name under 3 characters is reported, not sent", async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const result = await main(
      TEST_AUTH,
      [...companies(101), { name: "AB" }],
      "never",
      1,
      0,
      60,
      FAST,
    );
    expectEachRecordOnce(result, 102);
    expect(result.invalid).toEqual([
      {
        index: 101,
        clientRef: "row-101",
        problems: ['records[101].name must be at least 3 characters (got "AB")'],
      },
    ]);
    const posts = calls.filter((call) => call.method === "POST");
    expect(posts.map((call) => [call.path, (call.body as unknown[]).length])).toEqual([
      ["/v1/companies/bulk", 100],
      ["/v1/companies/bulk", 1],
    ]);
  });
});

describe("import_companies against the sandbox", () => {
  let sandbox: Sandbox | undefined;

  beforeEach(() => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  });

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  test("with 500s and dropped connections, and run twice: every company once, none twice", async () => {
    const started = startImportSandbox({ failRate: 0.1, dropAfterCommitRate: 0.1 });
    sandbox = started.sandbox;
    const first = await main(started.auth, companies(300), "auto", 1, 0, 60, FAST);
    expectEachRecordOnce(first, 300);
    expect(first.summary).toMatchObject({ created: 300, failed: 0 });
    const again = await main(started.auth, companies(500), "auto", 1, 0, 60, FAST);
    expectEachRecordOnce(again, 500);
    expect(again.summary).toMatchObject({ existing: 300, created: 200, failed: 0 });
    expectStoredOnce(
      sandbox,
      "companies",
      companies(500).map((company) => company.externalId),
      again,
    );
  });
});
