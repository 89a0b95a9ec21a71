// bulk_upsert_conversations against the sandbox: a new conversation needs its customer (else it
// is invalid, with the reason), an existing one is updated without it (PUT does not take a
// customer) and compared without it; a second run all unchanged.
import { afterEach, describe, expect, mock, test } from "bun:test";
import type { Sandbox } from "../../sandbox/server.ts";
import { main } from "../../scripts/conversations/bulk_upsert_conversations.ts";
import { FAST, startImportSandbox } from "../helpers/import-harness.ts";

const TUNING = { ...FAST, searchesPerWindow: 100_000, windowSeconds: 1 };

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

describe("bulk_upsert_conversations", () => {
  test("new ones need their customer; existing ones keep it; a second run all unchanged", async () => {
    mock.restore(); // the real fetch: the sandbox on 127.0.0.1
    const started = startImportSandbox({ uniqueExternalIds: true });
    sandbox = started.sandbox;
    const [customer] = sandbox.seed("customers", [{ name: "Ada" }]) as [string];
    const created = await fetch(`${started.auth.baseUrl}/v1/conversations`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${started.auth.apiKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ customer, externalId: "ticket-1", name: "Old subject" }),
    });
    expect(created.status).toBe(201);
    const records = [
      { externalId: "ticket-1", customer, name: "New subject", status: "done" as const },
      { externalId: "ticket-2", customer, name: "Second" },
      { externalId: "ticket-3", name: "No customer" },
    ];
    const result = await main(started.auth, records, 1, 0, 60, TUNING);
    expect(result.summary).toMatchObject({ created: 1, updated: 1, unchanged: 0, invalid: 1 });
    expect(result.updated.map((entry) => entry.externalId)).toEqual(["ticket-1"]);
    expect(result.created.map((entry) => entry.externalId)).toEqual(["ticket-2"]);
    expect(result.invalid[0]?.index).toBe(2);
    expect(result.invalid[0]?.problems.join(" ")).toContain("customer");
    const ticket1 = sandbox
      .records("conversations")
      .find((record) => record.attributes.externalId === "ticket-1");
    expect(ticket1?.attributes).toMatchObject({ name: "New subject", status: "done" });
    const again = await main(started.auth, records.slice(0, 2), 1, 0, 60, TUNING);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
  });
});
