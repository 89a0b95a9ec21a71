// import_conversations: any number of conversations through POST /v1/conversations/bulk. The engine
// is tested once (tests/shared/bulk-import.test.ts); here the script's schema and routes, what it
// sends, and whole imports against the sandbox: with faults, and with records Kustomer refuses.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { kustomerRequest } from "../../resources/kustomer.ts";
import { BODY_SCHEMAS, CORE_OPERATIONS } from "../../resources/operations.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main, RESOURCE } from "../../scripts/conversations/import_conversations.ts";
import { fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import {
  expectEachRecordOnce,
  expectStoredOnce,
  FAST,
  startImportSandbox,
} from "../helpers/import-harness.ts";
import { readProjectFile } from "../helpers/project.ts";

const conversations = (count: number, customer: string) =>
  Array.from({ length: count }, (_, index) => ({
    customer,
    externalId: `ticket-${index}`,
    name: `Ticket ${index}`,
    status: "done" as const,
    importedAt: "2026-11-22T00:00:00.000Z",
  }));

describe("import_conversations, the script", () => {
  test("checks each record with the items of BulkCreateConversations' body schema", () => {
    const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
      readProjectFile("scripts/conversations/import_conversations.ts"),
    )?.[1];
    expect(new Function(`return ${literal}`)()).toEqual(
      BODY_SCHEMAS.BulkCreateConversations?.items,
    );
  });

  test("sends to the bulk route and looks conversations up with routes Kustomer has", () => {
    const routes = CORE_OPERATIONS.map(([id, method, path]) => `${id} ${method} ${path}`);
    expect(routes).toContain(`${RESOURCE.operation} POST ${RESOURCE.path}`);
    expect(routes).toContain(`${RESOURCE.lookup.operation} GET ${RESOURCE.lookup.path}`);
  });

  test("a conversation without its customer is reported, not sent", async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const records = [...conversations(2, "5f1c6a3e9d1b2c0011a0b0c1"), { name: "Orphan" }];
    const result = await main(TEST_AUTH, records as never, "never", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 3);
    expect(result.invalid).toEqual([
      { index: 2, clientRef: "row-2", problems: ["records[2].customer is required"] },
    ]);
    expect(calls.filter((call) => call.method === "POST")[0]?.body).toHaveLength(2);
  });
});

describe("import_conversations against the sandbox", () => {
  let sandbox: Sandbox | undefined;
  let auth: { apiKey: string; baseUrl: string };
  let customerId: string;

  beforeEach(async () => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
    const started = startImportSandbox({ failRate: 0.1, dropAfterCommitRate: 0.1 });
    sandbox = started.sandbox;
    auth = started.auth;
    // The sandbox injects faults from the start: create the customer until it is there.
    while (sandbox.records("customers").length === 0) {
      await kustomerRequest(auth, {
        operation: "CreateCustomer",
        method: "POST",
        path: "/v1/customers",
        body: { name: "Ada" },
      }).catch(() => undefined);
    }
    customerId = sandbox.records("customers")[0]?.id ?? "";
  });

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  test("with 500s and dropped connections: every conversation once, none twice", async () => {
    const records = conversations(400, customerId);
    const result = await main(auth, records, "auto", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 400);
    expect(result.summary).toMatchObject({ created: 400, failed: 0 });
    expectStoredOnce(
      sandbox as Sandbox,
      "conversations",
      records.map((record) => record.externalId),
      result,
    );
  });

  test("a conversation Kustomer refuses (unknown customer) fails alone, with Kustomer's error", async () => {
    const records = [
      ...conversations(3, customerId),
      { customer: "5f1c6a3e9d1b2c0011a0b0ff", externalId: "ticket-x", name: "Unknown customer" },
    ];
    const result = await main(auth, records, "never", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 4);
    expect(result.summary).toMatchObject({ created: 3, failed: 1 });
    expect(result.failed[0]).toMatchObject({
      index: 3,
      code: "bulk_item_failed",
      bulkId: expect.any(String),
      errors: [expect.objectContaining({ detail: expect.stringContaining("/customer") })],
    });
  });
});
