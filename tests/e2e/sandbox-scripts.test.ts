// The generated scripts end to end: a support-ops story told only through the scripts' main(),
// over real HTTP on 127.0.0.1 against the local sandbox. It exercises what stubs cannot: encoded
// lookups that the server decodes, a DELETE with a JSON body, the conversation PATCH sent as JSON,
// PUT without replace keeping what was not sent, 204s returning null, bulk reads, and errors.
import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { join } from "node:path";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { ROOT } from "../helpers/project.ts";

type ApiRecord = { id: string; attributes: { [field: string]: unknown } };
type Document = { data: ApiRecord };
type ListDocument = { data: ApiRecord[] };
type Main = (...args: unknown[]) => Promise<unknown>;

let sandbox: Sandbox;
let auth: { apiKey: string; baseUrl: string };

beforeAll(() => {
  sandbox = startSandbox({ port: 0, bulkStepMs: 1 });
  auth = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(() => {
  mock.restore(); // the real fetch: these tests talk to the sandbox
});

/** Runs scripts/<script>.ts's main with the sandbox credentials. */
async function run(script: string, ...args: unknown[]): Promise<unknown> {
  const module: { main: Main } = await import(join(ROOT, "scripts", `${script}.ts`));
  return await module.main(auth, ...args);
}

async function record(script: string, ...args: unknown[]): Promise<ApiRecord> {
  return ((await run(script, ...args)) as Document).data;
}

async function list(script: string, ...args: unknown[]): Promise<ApiRecord[]> {
  return ((await run(script, ...args)) as ListDocument).data;
}

describe("the scripts against the sandbox", () => {
  test("customers: create, find by email, phone, externalId and id, update, delete", async () => {
    const company = await record("companies/create_company", { name: "Acme Ltd" });
    const created = await record("customers/create_customer", {
      name: "Ada Lovelace",
      company: company.id,
      externalId: "crm/42 +vip",
      emails: [{ type: "work", email: "ada+e2e@example.com" }],
      phones: [{ type: "mobile", phone: "+14155550100" }],
      tags: ["vip"],
    });
    for (const found of [
      await record("customers/get_customer_by_email", "ada+e2e@example.com"),
      await record("customers/get_customer_by_phone", "+14155550100"),
      await record("customers/get_customer_by_external_id", "crm/42 +vip"),
      await record("customers/get_customer_by_id", created.id),
    ]) {
      expect(found.id).toBe(created.id);
    }
    expect((await list("customers/get_customers", 1, 100)).map((item) => item.id)).toContain(
      created.id,
    );

    // PUT without replace changes what was sent and keeps the rest.
    const updated = await record("customers/update_customer", created.id, undefined, {
      name: "Ada King",
      tags: [],
    });
    expect(updated.attributes.name).toBe("Ada King");
    expect(updated.attributes.externalId).toBe("crm/42 +vip");
    expect(updated.attributes.tags).toEqual(["vip"]);

    expect(await run("customers/delete_customer", created.id)).toBeNull();
    await expect(run("customers/get_customer_by_id", created.id)).rejects.toMatchObject({
      name: "KustomerError",
      status: 404,
    });
  });

  test("conversations: tags added and removed (a DELETE with a JSON body), attributes patched", async () => {
    const customer = await record("customers/create_customer", { name: "Grace Hopper" });
    const conversation = await record("conversations/create_conversation", {
      customer: customer.id,
      name: "Order 1001 arrived damaged",
      externalId: "ticket/1001",
    });
    await run("conversations/append_tags_to_conversation", conversation.id, ["damaged", "refund"]);
    await run("conversations/remove_tags_from_conversation", conversation.id, ["refund"]);
    const patched = await record("conversations/update_conversation_attributes", conversation.id, {
      priority: 4,
      name: "",
    });
    expect(patched.attributes.priority).toBe(4);
    expect(patched.attributes.name).toBe("Order 1001 arrived damaged");
    const found = await record("conversations/get_conversation_by_external_id", "ticket/1001");
    expect(found.id).toBe(conversation.id);
    expect(found.attributes.tags).toEqual(["damaged"]);
  });

  test("messages and notes in a conversation: lookup by externalId, patch, delete", async () => {
    const customer = await record("customers/create_customer", { name: "Alan Turing" });
    const conversation = await record("conversations/create_conversation", {
      customer: customer.id,
    });
    const message = await record(
      "conversations/create_message_from_conversation",
      conversation.id,
      {
        channel: "email",
        app: "postmark",
        direction: "in",
        preview: "My order arrived damaged",
        externalId: "mail/<abc@example.com>",
      },
    );
    expect(
      (await record("messages/get_message_by_external_id", message.attributes.externalId)).id,
    ).toBe(message.id);
    const messages = await list(
      "conversations/get_messages_by_conversation",
      conversation.id,
      1,
      10,
    );
    expect(messages.map((item) => item.id)).toEqual([message.id]);

    const note = await record("notes/create_note_within_conversation", conversation.id, {
      body: "Refund approved",
    });
    const patched = await record("notes/update_note_attributes_by_id", note.id, {
      body: "Refund approved and sent",
    });
    expect(patched.attributes.body).toBe("Refund approved and sent");
    expect(await run("notes/delete_note_by_id", note.id)).toBeNull();
  });

  test("KObjects: a klass, an object found by klass and externalId, deleted", async () => {
    await record("klasses/create_klass", { name: "order", displayName: "Order" });
    const customer = await record("customers/create_customer", { name: "Katherine Johnson" });
    const order = await record("customers/create_customer_kobject", customer.id, "order", {
      title: "Order #1001",
      externalId: "shop/1001",
    });
    expect((await record("kobjects/get_kobject_by_external_id", "order", "shop/1001")).id).toBe(
      order.id,
    );
    expect(
      (await list("customers/find_customer_kobjects", customer.id, "order")).map((item) => item.id),
    ).toEqual([order.id]);
    expect(await run("kobjects/delete_kobject", "order", order.id)).toBeNull();
    await expect(run("kobjects/bulk_delete_kobjects", "order", "")).rejects.toThrow(
      "ids is required",
    );
  });

  test("search, and a bulk create followed through the bulk-operation reads", async () => {
    await record("customers/create_customer", {
      name: "Barbara Liskov",
      emails: [{ email: "barbara@example.com" }],
    });
    const hits = await list("search/search_customers", {
      queryContext: "customer",
      and: [{ customer_emails: { equals: "barbara@example.com" } }],
    });
    expect(hits.map((hit) => hit.attributes.name)).toEqual(["Barbara Liskov"]);

    const bulk = await record("companies/bulk_create_companies", [
      { _clientRef: "row-1", name: "Initech" },
      { _clientRef: "row-2", name: "Globex" },
    ]);
    let status = bulk.attributes.status;
    for (let poll = 0; poll < 200 && status !== "complete"; poll++) {
      await Bun.sleep(5);
      status = (await record("bulk/get_bulk_operation_by_id", bulk.id)).attributes.status;
    }
    expect(status).toBe("complete");
    const batches = await list("bulk/get_bulk_operation_batches", bulk.id);
    const refs = batches.flatMap((batch) =>
      ((batch.attributes.results as { _clientRef?: string }[] | undefined) ?? []).map(
        (result) => result._clientRef,
      ),
    );
    expect(refs.sort()).toEqual(["row-1", "row-2"]);
  });
});
