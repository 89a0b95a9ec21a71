// Every script whose operation the sandbox models, end to end: through main() and through the real
// terminal command, against the local sandbox on 127.0.0.1 (HTTP, JSON:API, bulk jobs, limits).
import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { kustomerRequest } from "../../resources/kustomer.ts";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { main as bulkBatchUpdateCustomers } from "../../scripts/customers/bulk_batch_update_customers.ts";
import { main as bulkCreateCustomers } from "../../scripts/customers/bulk_create_customers.ts";
import { main as createCustomer } from "../../scripts/customers/create_customer.ts";
import { main as getCustomerByExternalId } from "../../scripts/customers/get_customer_by_external_id.ts";
import { main as getMessagesByCustomer } from "../../scripts/customers/get_messages_by_customer.ts";
import { main as updateCustomerAttributes } from "../../scripts/customers/update_customer_attributes.ts";
import { main as bulkCreateMessages } from "../../scripts/messages/bulk_create_messages.ts";
import { runInTerminal } from "../helpers/terminal.ts";

type Document = { data: { id: string; attributes: { [field: string]: unknown } } };
type ListDocument = { data: Document["data"][]; links: { next: string | null } };
type BulkResult = { _clientRef?: string; status: string; id?: string };

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

async function bulkResults(bulkId: string, credentials = auth): Promise<BulkResult[]> {
  for (let poll = 0; poll < 400; poll++) {
    const bulk = (await kustomerRequest(credentials, {
      operation: "GetBulkOperationById",
      method: "GET",
      path: "/v1/bulk/{id}",
      pathParams: { id: bulkId },
    })) as Document;
    if (bulk.data.attributes.status === "complete") {
      const batches = (await kustomerRequest(credentials, {
        operation: "GetBulkOperationBatches",
        method: "GET",
        path: "/v1/bulk/{id}/batches",
        pathParams: { id: bulkId },
      })) as ListDocument;
      return batches.data.flatMap(
        (batch) => (batch.attributes.results as BulkResult[] | undefined) ?? [],
      );
    }
    await Bun.sleep(5);
  }
  throw new Error(`bulk ${bulkId} did not complete`);
}

function cli(script: string, args: string[], env: { [name: string]: string } = {}) {
  return runInTerminal([script, ...args], {
    KUSTOMER_API_KEY: auth.apiKey,
    KUSTOMER_BASE_URL: auth.baseUrl,
    ...env,
  });
}

describe("customers against the sandbox", () => {
  test("create_customer, then get_customer_by_external_id with an id that needs encoding", async () => {
    const created = (await createCustomer(auth, {
      name: "Ada",
      externalId: "acct/42 +vip",
      emails: [{ email: "ada+x@example.com" }],
    })) as Document;
    expect(created.data.id).toMatch(/^[0-9a-f]{24}$/);
    const found = (await getCustomerByExternalId(auth, "acct/42 +vip")) as Document;
    expect(found.data.id).toBe(created.data.id);
    expect(found.data.attributes.name).toBe("Ada");
  });

  test("update_customer_attributes changes only what was set; blanks keep their values; null clears", async () => {
    const created = (await createCustomer(auth, {
      name: "Grace",
      locale: "en-US",
      custom: { tierStr: "silver", ordersNum: 3 },
    })) as Document;
    const updated = (await updateCustomerAttributes(auth, created.data.id, {
      name: "",
      tags: [],
      locale: null,
      custom: { tierStr: "gold", ordersNum: "" as never },
    })) as Document;
    expect(updated.data.attributes).toMatchObject({
      name: "Grace",
      locale: null,
      custom: { tierStr: "gold", ordersNum: 3 },
    });
  });

  test("bulk_create_customers: each item is accounted for by _clientRef; an invalid one fails alone", async () => {
    const queued = (await bulkCreateCustomers(auth, [
      { _clientRef: "a", name: "Bulk A", externalId: "bulk-a" },
      { _clientRef: "b", name: "Bulk B", externalId: "bulk-a" },
      { _clientRef: "c", name: "Bulk C", externalId: "bulk-c" },
    ])) as Document;
    expect(queued.data.attributes.status).toBe("queued");
    const results = await bulkResults(queued.data.id);
    expect(results.map((item) => [item._clientRef, item.status])).toEqual([
      ["a", "success"],
      ["b", "failure"],
      ["c", "success"],
    ]);
    const c = (await getCustomerByExternalId(auth, "bulk-c")) as Document;
    expect(c.data.attributes.name).toBe("Bulk C");
  });

  test("bulk_batch_update_customers updates the named customers, leaving other fields alone", async () => {
    const one = (await createCustomer(auth, { name: "One", locale: "fr" })) as Document;
    const two = (await createCustomer(auth, { name: "Two", locale: "de" })) as Document;
    const queued = (await bulkBatchUpdateCustomers(auth, undefined, [
      { id: one.data.id, _clientRef: "1", custom: { tierStr: "gold" } },
      { id: two.data.id, _clientRef: "2", name: "Two (renamed)", locale: "" },
    ])) as Document;
    expect((await bulkResults(queued.data.id)).map((item) => item.status)).toEqual([
      "success",
      "success",
    ]);
    const after = (await getMessagesByCustomer(auth, two.data.id)) as ListDocument;
    expect(after.data).toEqual([]);
    const twoNow = (await kustomerRequest(auth, {
      operation: "GetCustomerById",
      method: "GET",
      path: "/v1/customers/{id}",
      pathParams: { id: two.data.id },
    })) as Document;
    expect(twoNow.data.attributes).toMatchObject({ name: "Two (renamed)", locale: "de" });
  });

  test("an error from the API comes back as a KustomerError with Kustomer's own words", async () => {
    await createCustomer(auth, { name: "First", externalId: "dup-1" });
    const error = (await createCustomer(auth, { name: "Second", externalId: "dup-1" }).catch(
      (caught: unknown) => caught,
    )) as {
      status: number;
      code: string;
      message: string;
      errors: { source?: { pointer?: string } }[];
    };
    expect(error).toMatchObject({ status: 409, code: "conflict" });
    expect(error.message).toMatch(
      /^Kustomer POST \/v1\/customers failed: 409 Conflict: a customer with externalId "dup-1" already exists/,
    );
    expect(error.errors[0]?.source?.pointer).toBe("/externalId");
  });
});

describe("messages against the sandbox", () => {
  test("bulk_create_messages, then get_messages_by_customer pages through them", async () => {
    const customer = (await createCustomer(auth, { name: "Messages" })) as Document;
    const items = Array.from({ length: 5 }, (_, index) => ({
      _clientRef: `m${index}`,
      customer: customer.data.id,
      channel: "email" as const,
      app: "gmail",
      preview: `message ${index}`,
    }));
    const queued = (await bulkCreateMessages(auth, items)) as Document;
    expect((await bulkResults(queued.data.id)).every((item) => item.status === "success")).toBe(
      true,
    );
    const first = (await getMessagesByCustomer(auth, customer.data.id, 1, 3)) as ListDocument;
    const second = (await getMessagesByCustomer(auth, customer.data.id, 2, 3)) as ListDocument;
    expect(first.data).toHaveLength(3);
    expect(second.data).toHaveLength(2);
    expect(first.links.next).not.toBeNull();
    expect(second.links.next).toBeNull();
    const previews = [...first.data, ...second.data]
      .map((message) => message.attributes.preview)
      .sort();
    expect(previews).toEqual(items.map((item) => item.preview));
  });
});

describe("the terminal commands against the sandbox", () => {
  test("create, look up and update a customer with bun run", async () => {
    const created = await cli("scripts/customers/create_customer.ts", [
      "--body",
      '{"name":"Cli","externalId":"cli-1"}',
    ]);
    expect(created.code).toBe(0);
    const id = (JSON.parse(created.stdout) as Document).data.id;
    const found = await cli("scripts/customers/get_customer_by_external_id.ts", [
      "--externalId",
      "cli-1",
    ]);
    expect((JSON.parse(found.stdout) as Document).data.id).toBe(id);
    const updated = await cli("scripts/customers/update_customer_attributes.ts", [
      "--id",
      id,
      "--body",
      '{"custom":{"tierStr":"gold"}}',
    ]);
    expect((JSON.parse(updated.stdout) as Document).data.attributes.custom).toEqual({
      tierStr: "gold",
    });
    const messages = await cli("scripts/customers/get_messages_by_customer.ts", [
      "--id",
      id,
      "--pageSize",
      "10",
    ]);
    expect(JSON.parse(messages.stdout)).toMatchObject({ data: [] });
  });

  test("bulk commands and a wrong key", async () => {
    const bulk = await cli("scripts/customers/bulk_create_customers.ts", [
      "--body",
      '[{"name":"B1"},{"name":"B2"}]',
    ]);
    expect(bulk.code).toBe(0);
    expect((JSON.parse(bulk.stdout) as Document).data.attributes.status).toBe("queued");
    const messages = await cli("scripts/messages/bulk_create_messages.ts", [
      "--body",
      '[{"channel":"sms","app":"twilio","preview":"hi"}]',
    ]);
    expect(messages.code).toBe(0);
    const update = await cli("scripts/customers/bulk_batch_update_customers.ts", [
      "--body",
      '[{"id":"000000000000000000000000","name":"x"}]',
    ]);
    expect(update.code).toBe(0);
    const denied = await cli("scripts/customers/create_customer.ts", ["--body", '{"name":"x"}'], {
      KUSTOMER_API_KEY: "wrong-key-123",
    });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain("failed: 401 Unauthorized");
    expect(denied.stderr).not.toContain("wrong-key-123");
  });
});

describe("limits and faults, for real", () => {
  test("throttled by the org-wide window, a script waits for the reset and succeeds", async () => {
    const throttled = startSandbox({ port: 0, rateLimit: 2, rateWindowMs: 700 });
    try {
      const credentials = { apiKey: throttled.apiKey, baseUrl: throttled.url };
      const names = ["T1", "T2", "T3", "T4"];
      const created = [];
      for (const name of names) {
        created.push((await createCustomer(credentials, { name })) as Document);
      }
      expect(created.map((document) => document.data.attributes.name)).toEqual(names);
    } finally {
      await throttled.stop();
    }
  });

  test("a create whose connection drops after the write is not repeated: the record exists once", async () => {
    const dropping = startSandbox({ port: 0, dropAfterCommitRate: 1 });
    try {
      const credentials = { apiKey: dropping.apiKey, baseUrl: dropping.url };
      const error = (await createCustomer(credentials, {
        name: "Once",
        externalId: "once-1",
      }).catch((caught: unknown) => caught)) as Error;
      expect(error).toMatchObject({ code: "network_error", attempts: 1 });
      const found = (await getCustomerByExternalId(credentials, "once-1")) as Document;
      expect(found.data.attributes.name).toBe("Once");
    } finally {
      await dropping.stop();
    }
  });

  test("a GET meeting 500s is retried, then gives up with a clear error", async () => {
    const failing = startSandbox({ port: 0, failRate: 1 });
    try {
      const credentials = { apiKey: failing.apiKey, baseUrl: failing.url };
      await expect(getCustomerByExternalId(credentials, "any")).rejects.toMatchObject({
        status: 500,
        attempts: 3,
      });
    } finally {
      await failing.stop();
    }
  });
});
