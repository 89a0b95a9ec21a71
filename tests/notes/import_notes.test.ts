// import_notes: any number of notes through POST /v1/notes/bulk. Kustomer has no lookup of a note by
// externalId, so the script finds notes by listing their conversation's notes. The engine is tested
// once (tests/shared/bulk-import.test.ts); here the script's schema and routes, and whole imports
// against the sandbox with faults.
import { afterEach, beforeEach, describe, expect, mock, test } from "bun:test";
import { kustomerRequest } from "../../resources/kustomer.ts";
import { BODY_SCHEMAS, CORE_OPERATIONS } from "../../resources/operations.ts";
import type { Sandbox } from "../../sandbox/server.ts";
import { main, RESOURCE } from "../../scripts/notes/import_notes.ts";
import { fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import {
  expectEachRecordOnce,
  expectStoredOnce,
  FAST,
  startImportSandbox,
} from "../helpers/import-harness.ts";
import { readProjectFile } from "../helpers/project.ts";

const notes = (count: number, conversations: string[]) =>
  Array.from({ length: count }, (_, index) => ({
    conversation: conversations[index % conversations.length] ?? "",
    externalId: `note-${index}`,
    body: `Called the customer back (${index}).`,
    importedAt: "2026-11-22T00:00:00.000Z",
  }));

describe("import_notes, the script", () => {
  test("checks each record with the items of BulkCreateNotes' body schema", () => {
    const literal = /\nconst ITEM_SCHEMA: KustomerSchema = ([\s\S]*?});\n/.exec(
      readProjectFile("scripts/notes/import_notes.ts"),
    )?.[1];
    expect(new Function(`return ${literal}`)()).toEqual(BODY_SCHEMAS.BulkCreateNotes?.items);
  });

  test("sends to the bulk route, and finds notes by listing their conversation's notes", () => {
    const routes = CORE_OPERATIONS.map(([id, method, path]) => `${id} ${method} ${path}`);
    expect(routes).toContain(`${RESOURCE.operation} POST ${RESOURCE.path}`);
    expect(routes).toContain(`${RESOURCE.lookup.operation} GET ${RESOURCE.lookup.path}`);
    expect(RESOURCE.lookup).toMatchObject({ by: "parent", parentField: "conversation" });
    expect(RESOURCE.search).toBeUndefined();
  });

  test("a note without conversation or body is reported, not sent", async () => {
    const calls = stubFetch(fakeBulkApi().handler);
    const result = await main(TEST_AUTH, [{ externalId: "n" }] as never, "never", 1, 0, 60, FAST);
    expect(result.invalid[0]?.problems).toEqual([
      "records[0].conversation is required",
      "records[0].body is required",
    ]);
    expect(calls).toHaveLength(0);
  });
});

describe("import_notes against the sandbox", () => {
  let sandbox: Sandbox | undefined;

  beforeEach(() => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  });

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  test("notes on three conversations, with faults, imported twice: each note once", async () => {
    const started = startImportSandbox({ failRate: 0.1, dropAfterCommitRate: 0.1 });
    sandbox = started.sandbox;
    while (sandbox.records("conversations").length < 3) {
      const customer = sandbox.records("customers")[0];
      await kustomerRequest(started.auth, {
        operation: customer ? "CreateConversation" : "CreateCustomer",
        method: "POST",
        path: customer ? "/v1/conversations" : "/v1/customers",
        body: customer ? { customer: customer.id } : { name: "Ada" },
      }).catch(() => undefined);
    }
    const conversations = sandbox.records("conversations").map((record) => record.id);
    const records = notes(250, conversations);
    const first = await main(started.auth, records.slice(0, 150), "auto", 1, 0, 60, FAST);
    expect(first.summary).toMatchObject({ created: 150, failed: 0 });
    const result = await main(started.auth, records, "auto", 1, 0, 60, FAST);
    expectEachRecordOnce(result, 250);
    expect(result.summary).toMatchObject({ existing: 150, created: 100, failed: 0 });
    expectStoredOnce(
      sandbox,
      "notes",
      records.map((record) => record.externalId),
      result,
    );
  });
});
