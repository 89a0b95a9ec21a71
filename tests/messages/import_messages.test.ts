// import_messages: any number of messages through POST /v1/messages/bulk. The engine is tested once
// (tests/shared/bulk-import.test.ts); here the script's schema and routes, what it sends, and a
// whole import of a conversation's history against the sandbox with faults.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { kustomerRequest } from "../../resources/kustomer.ts";
import { BODY_SCHEMAS, CORE_OPERATIONS } from "../../resources/operations.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main, RESOURCE } from "../../scripts/messages/import_messages.ts";
import { fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import {
  expectEachRecordOnce,
  expectStoredOnce,
  FAST,
  startImportSandbox,
} from "../helpers/import-harness.ts";
import { expectOfficialBody, testWithOfficialSpec } from "../helpers/official-schema.ts";
import { readProjectFile } from "../helpers/project.ts";
import { sampleMessage } from "../helpers/samples.ts";

const history = (count: number, conversation: string) =>
  Array.from({ length: count }, (_, index) => ({
    conversation,
    externalId: `zendesk-msg-${index}`,
    channel: "email" as const,
    app: "gmail",
    direction: index % 2 === 0 ? ("in" as const) : ("out" as const),
    preview: `Message ${index}`,
    sentAt: "2025-03-01T10:00:00.000Z",
    importedAt: "2026-11-22T00:00:00.000Z",
  }));

describe("import_messages, the script", () => {
  test("checks each record with the items of BulkCreateMessages' body schema", () => {
    const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
      readProjectFile("scripts/messages/import_messages.ts"),
    )?.[1];
    expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateMessages?.items);
  });

  test("sends to the bulk route and looks messages up with routes Kustomer has", () => {
    const routes = CORE_OPERATIONS.map(([id, method, path]) => `${id} ${method} ${path}`);
    expect(routes).toContain(`${RESOURCE.operation} POST ${RESOURCE.path}`);
    expect(routes).toContain(`${RESOURCE.lookup.operation} GET ${RESOURCE.lookup.path}`);
  });

  testWithOfficialSpec(`each bulk body matches the official schema`, async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const records = Array.from({ length: 110 }, (_, index) => {
      const { _clientRef: _ignored, ...message } = sampleMessage(index);
      return message;
    });
    const result = await main(TEST_AUTH, records, "never", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 110);
    for (const call of calls.filter((entry) => entry.method === "POST")) {
      expectOfficialBody("POST", "/v1/messages/bulk", call.body);
    }
  });

  test("a message without channel and app is reported, not sent", async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const result = await main(TEST_AUTH, [{ preview: "Hi" }] as never, "never", 1, 0, 60, FAST);
    expect(result.invalid).toEqual([
      {
        index: 0,
        clientRef: "row-0",
        problems: ["records[0].channel is required", "records[0].app is required"],
      },
    ]);
    expect(calls).toHaveLength(0);
  });
});

describe("import_messages against the sandbox", () => {
  let sandbox: Sandbox | undefined;

  beforeEach(() => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  });

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  test("a conversation's history, with 500s and dropped connections: each message once", async () => {
    const started = startImportSandbox({ failRate: 0.1, dropAfterCommitRate: 0.1 });
    sandbox = started.sandbox;
    while (sandbox.records("conversations").length === 0) {
      await kustomerRequest(started.auth, {
        operation: "CreateCustomer",
        method: "POST",
        path: "/v1/customers",
        body: { name: "Ada", externalId: "ada" },
      }).catch(() => undefined);
      const customer = sandbox.records("customers")[0];
      if (customer) {
        await kustomerRequest(started.auth, {
          operation: "CreateConversation",
          method: "POST",
          path: "/v1/conversations",
          body: { customer: customer.id, name: "Order #123" },
        }).catch(() => undefined);
      }
    }
    const conversation = sandbox.records("conversations")[0]?.id ?? "";
    const records = history(300, conversation);
    const result = await main(started.auth, records, "auto", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 300);
    expect(result.summary).toMatchObject({ created: 300, failed: 0 });
    expectStoredOnce(
      sandbox,
      "messages",
      records.map((record) => record.externalId),
      result,
    );
  });
});
