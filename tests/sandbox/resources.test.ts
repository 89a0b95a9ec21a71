// The sandbox over real HTTP: auth, envelopes, CRUD, lookups, lists and the other modelled
// resources, plus 404 and 501 for what it does not serve.
import { afterAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { exchange, parseAnswer } from "../helpers/raw-http.ts";
import { clientFor, dataOf, errorsOf, listOf } from "../helpers/sandbox-client.ts";

const sandbox: Sandbox = startSandbox({ port: 0 });
const call = clientFor(sandbox);
/** Headers of a raw request (the request line and the blank line that ends them are the test's). */
const HEADERS = `Host: 127.0.0.1\r\nAuthorization: Bearer ${sandbox.apiKey}\r\n`;

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; these tests talk to 127.0.0.1
});

afterAll(async () => {
  await sandbox.stop();
});

async function createCustomer(body: object) {
  const response = await call("POST", "/v1/customers", { body });
  expect(response.status).toBe(201);
  return dataOf(response);
}

describe("auth", () => {
  test("no key and a wrong key are 401 in Kustomer's error shape", async () => {
    for (const authorization of [null, "Bearer wrong", "sandbox-key"]) {
      const response = await call("GET", "/v1/customers", { authorization });
      expect(response.status).toBe(401);
      const [error] = errorsOf(response);
      expect(error).toMatchObject({ status: 401, code: "unauthorized", title: "Unauthorized" });
      expect(typeof error?.detail).toBe("string");
    }
  });
});

describe("customers", () => {
  test("create answers 201 with the JSON:API envelope", async () => {
    const customer = await createCustomer({ name: "Ada", custom: { tierStr: "gold" } });
    expect(customer.type).toBe("customer");
    expect(customer.id).toMatch(/^[0-9a-f]{24}$/);
    expect(customer.links.self).toBe(`/v1/customers/${customer.id}`);
    expect(customer.attributes).toMatchObject({ name: "Ada", displayName: "Ada", rev: 1 });
    expect(customer.attributes.custom).toEqual({ tierStr: "gold" });
    expect(Number.isNaN(Date.parse(String(customer.attributes.createdAt)))).toBe(false);
    expect(customer.relationships.org).toBeDefined();
  });

  test("get, then delete answers 204 without a body, then get is 404", async () => {
    const { id } = await createCustomer({ name: "Short Lived" });
    expect(dataOf(await call("GET", `/v1/customers/${id}`)).id).toBe(id);
    const deleted = await call("DELETE", `/v1/customers/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const missing = await call("GET", `/v1/customers/${id}`);
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)[0]).toMatchObject({ status: 404, code: "not_found" });
  });

  test("lookups by email, phone and externalId decode the path value", async () => {
    const { id } = await createCustomer({
      name: "Lookup",
      emails: [{ email: "grace+test@example.com" }],
      phones: [{ phone: "+15550102030" }],
      externalId: "crm/42 a",
    });
    const email = encodeURIComponent("Grace+Test@example.com");
    expect(dataOf(await call("GET", `/v1/customers/email=${email}`)).id).toBe(id);
    expect(
      dataOf(await call("GET", `/v1/customers/phone=${encodeURIComponent("+15550102030")}`)).id,
    ).toBe(id);
    expect(
      dataOf(await call("GET", `/v1/customers/externalId=${encodeURIComponent("crm/42 a")}`)).id,
    ).toBe(id);
    expect((await call("GET", "/v1/customers/email=nobody%40example.com")).status).toBe(404);
  });

  test("PUT merges by default, PUT ?replace=true replaces, PATCH merges", async () => {
    const { id } = await createCustomer({ name: "Merge", locale: "en_US", custom: { aStr: "a" } });
    const merged = dataOf(
      await call("PUT", `/v1/customers/${id}`, { body: { custom: { bNum: 2 } } }),
    );
    expect(merged.attributes).toMatchObject({ name: "Merge", locale: "en_US", rev: 2 });
    expect(merged.attributes.custom).toEqual({ aStr: "a", bNum: 2 });

    const patched = dataOf(
      await call("PATCH", `/v1/customers/${id}`, { body: { locale: "fr_FR" } }),
    );
    expect(patched.attributes).toMatchObject({ name: "Merge", locale: "fr_FR", rev: 3 });

    const replaced = dataOf(
      await call("PUT", `/v1/customers/${id}?replace=true`, { body: { name: "Replaced" } }),
    );
    expect(replaced.attributes.name).toBe("Replaced");
    expect(replaced.attributes.locale).toBeUndefined();
    expect(replaced.attributes.custom).toEqual({});
    expect(replaced.attributes.rev).toBe(4);
  });

  test("a stale rev is 409, a duplicate externalId is 409", async () => {
    const { id } = await createCustomer({ name: "Locked", externalId: "dup-1" });
    const stale = await call("PATCH", `/v1/customers/${id}`, { body: { name: "x", rev: 7 } });
    expect(stale.status).toBe(409);
    const duplicate = await call("POST", "/v1/customers", { body: { externalId: "dup-1" } });
    expect(duplicate.status).toBe(409);
    expect(errorsOf(duplicate)[0]).toMatchObject({
      code: "conflict",
      source: { pointer: "/externalId" },
    });
  });

  test("lists page with links; next is null on the last page", async () => {
    const local = startSandbox({ port: 0 });
    const localCall = clientFor(local);
    try {
      for (const name of ["a", "b", "c", "d", "e"]) {
        await localCall("POST", "/v1/customers", { body: { name } });
      }
      const first = listOf(await localCall("GET", "/v1/customers?pageSize=2"));
      expect(first.data.map((customer) => customer.attributes.name)).toEqual(["a", "b"]);
      expect(first.meta).toMatchObject({ page: 1, pageSize: 2, total: 5, totalPages: 3 });
      expect(first.links.prev).toBeNull();
      expect(first.links.next).toBe("/v1/customers?page=2&pageSize=2");
      const last = listOf(await localCall("GET", "/v1/customers?page=3&pageSize=2"));
      expect(last.data.map((customer) => customer.attributes.name)).toEqual(["e"]);
      expect(last.links.next).toBeNull();
      expect(last.links.prev).toBe("/v1/customers?page=2&pageSize=2");
      const bad = await localCall("GET", "/v1/customers?pageSize=1000");
      expect(bad.status).toBe(400);
      expect(errorsOf(bad)[0]).toMatchObject({ source: { parameter: "pageSize" } });
    } finally {
      await local.stop();
    }
  });
});

describe("companies", () => {
  test("create, get, update, list filtered by externalId", async () => {
    const created = await call("POST", "/v1/companies", {
      body: { name: "Acme", externalId: "acme-1" },
    });
    expect(created.status).toBe(201);
    const { id } = dataOf(created);
    expect(dataOf(await call("GET", `/v1/companies/${id}`)).attributes.name).toBe("Acme");
    const updated = dataOf(
      await call("PUT", `/v1/companies/${id}`, { body: { employeeCount: 12 } }),
    );
    expect(updated.attributes).toMatchObject({ name: "Acme", employeeCount: 12 });
    await call("POST", "/v1/companies", { body: { name: "Other", externalId: "other-1" } });
    const filtered = listOf(await call("GET", "/v1/companies?externalId=acme-1"));
    expect(filtered.data.map((company) => company.id)).toEqual([id]);
  });
});

describe("conversations, messages and notes", () => {
  test("relate to their customer and to each other", async () => {
    const customer = await createCustomer({ name: "Talker" });
    const conversation = dataOf(
      await call("POST", "/v1/conversations", { body: { customer: customer.id, name: "Hello" } }),
    );
    expect(conversation.relationships.customer).toMatchObject({
      data: { type: "customer", id: customer.id },
    });
    expect(conversation.attributes.status).toBe("open");

    const second = await call("POST", `/v1/customers/${customer.id}/conversations`, {
      body: { name: "Again" },
    });
    expect(second.status).toBe(201);
    const byCustomer = listOf(await call("GET", `/v1/customers/${customer.id}/conversations`));
    expect(byCustomer.data).toHaveLength(2);

    const message = dataOf(
      await call("POST", `/v1/conversations/${conversation.id}/messages`, {
        body: {
          channel: "email",
          app: "postmark",
          direction: "in",
          preview: "Hi",
          externalId: "msg-1",
        },
      }),
    );
    expect(message.relationships.conversation).toMatchObject({ data: { id: conversation.id } });
    expect(message.relationships.customer).toMatchObject({ data: { id: customer.id } });
    expect(dataOf(await call("GET", "/v1/messages/externalid=msg-1")).id).toBe(message.id);

    const viaCustomer = await call("POST", `/v1/customers/${customer.id}/messages`, {
      body: { channel: "sms", app: "twilio", direction: "out", preview: "New thread" },
    });
    expect(viaCustomer.status).toBe(201);
    const plain = await call("POST", "/v1/messages", {
      body: { conversation: conversation.id, channel: "chat", app: "chat", direction: "out" },
    });
    expect(plain.status).toBe(201);
    expect(
      listOf(await call("GET", `/v1/conversations/${conversation.id}/messages`)).data,
    ).toHaveLength(2);
    expect(listOf(await call("GET", `/v1/customers/${customer.id}/messages`)).data).toHaveLength(3);

    const note = await call("POST", `/v1/conversations/${conversation.id}/notes`, {
      body: { body: "Internal" },
    });
    expect(note.status).toBe(201);
    expect(dataOf(note).relationships.customer).toMatchObject({ data: { id: customer.id } });
    expect((await call("POST", "/v1/notes", { body: { body: "Loose note" } })).status).toBe(201);
    expect(
      dataOf(await call("GET", `/v1/conversations/${conversation.id}`)).attributes,
    ).toMatchObject({
      messageCount: 2,
      noteCount: 1,
    });
  });

  test("tags are appended and removed with a JSON array of tag ids", async () => {
    const customer = await createCustomer({ name: "Tagged" });
    const { id } = dataOf(
      await call("POST", "/v1/conversations", { body: { customer: customer.id } }),
    );
    const appended = await call("POST", `/v1/conversations/${id}/tags`, {
      body: ["t1", "t2", "t1"],
    });
    expect(appended.status).toBe(200);
    expect(dataOf(appended).attributes.tags).toEqual(["t1", "t2"]);
    const removed = await call("DELETE", `/v1/conversations/${id}/tags`, { body: ["t1"] });
    expect(dataOf(removed).attributes.tags).toEqual(["t2"]);
  });

  test("a conversation for a customer that does not exist is refused", async () => {
    const response = await call("POST", "/v1/conversations", {
      body: { customer: "0123456789abcdef01234567" },
    });
    expect(response.status).toBe(400);
    expect(errorsOf(response)[0]).toMatchObject({ source: { pointer: "/customer" } });
  });
});

describe("klasses and KObjects", () => {
  test("a klass, then KObjects of it, found by id and externalId", async () => {
    const klass = await call("POST", "/v1/klasses", {
      body: { name: "order", displayName: "Order" },
    });
    expect(klass.status).toBe(200); // Kustomer documents 200 for CreateKlass
    const klassId = dataOf(klass).id;
    expect(dataOf(await call("GET", `/v1/klasses/${klassId}`)).attributes.name).toBe("order");
    expect(listOf(await call("GET", "/v1/klasses")).data.map((item) => item.id)).toContain(klassId);

    const created = await call("POST", "/v1/klasses/order", {
      body: { title: "Order 1001", externalId: "order-1001", data: { total: 12 } },
    });
    expect(created.status).toBe(201);
    const kobject = dataOf(created);
    expect(kobject.type).toBe("kobject-order");
    expect(kobject.links.self).toBe(`/v1/klasses/order/${kobject.id}`);
    expect(dataOf(await call("GET", `/v1/klasses/order/${kobject.id}`)).attributes.title).toBe(
      "Order 1001",
    );
    expect(dataOf(await call("GET", "/v1/klasses/order/externalId=order-1001")).id).toBe(
      kobject.id,
    );
    expect(listOf(await call("GET", "/v1/klasses/order")).data).toHaveLength(1);

    const unknownKlass = await call("POST", "/v1/klasses/nothing", { body: { title: "x" } });
    expect(unknownKlass.status).toBe(404);
  });
});

describe("search", () => {
  test("customer criteria with equals, contains, gte and or", async () => {
    const local = startSandbox({ port: 0 });
    const localCall = clientFor(local);
    try {
      const make = async (body: object) =>
        dataOf(await localCall("POST", "/v1/customers", { body })).id;
      const ann = await make({
        name: "Ann Lee",
        emails: [{ email: "ann@example.com" }],
        tags: ["vip"],
      });
      const bob = await make({ name: "Bob Stone", externalId: "b-1" });
      await make({ name: "Cy Ray" });
      const search = async (body: object) =>
        listOf(
          await localCall("POST", "/v1/customers/search", {
            body: { queryContext: "customer", ...body },
          }),
        ).data.map((customer) => customer.id);

      expect(await search({ and: [{ customer_emails: { equals: "ANN@example.com" } }] })).toEqual([
        ann,
      ]);
      expect(await search({ and: [{ customer_name: { contains: "stone" } }] })).toEqual([bob]);
      expect(await search({ and: [{ customer_tags: { equals: "vip" } }] })).toEqual([ann]);
      expect(
        await search({
          or: [
            { customer_externalId: { equals: "b-1" } },
            { customer_name: { equals: "ann lee" } },
          ],
        }),
      ).toEqual([ann, bob]);
      expect(await search({ and: [{ customer_createdAt: { gte: "2000-01-01" } }] })).toHaveLength(
        3,
      );
      expect(await search({ and: [{ customer_createdAt: { lte: "2000-01-01" } }] })).toHaveLength(
        0,
      );

      const badOperator = await localCall("POST", "/v1/customers/search", {
        body: { queryContext: "customer", and: [{ customer_name: { like: "x" } }] },
      });
      expect(badOperator.status).toBe(400);
      expect(errorsOf(badOperator)[0]).toMatchObject({
        source: { pointer: "/and/0/customer_name/like" },
      });
    } finally {
      await local.stop();
    }
  });
});

describe("routes the sandbox does not serve", () => {
  test("a Kustomer operation it does not model is 501 naming the operation", async () => {
    const response = await call("GET", "/v1/brands");
    expect(response.status).toBe(501);
    const [error] = errorsOf(response);
    expect(error).toMatchObject({ status: 501, code: "not_implemented" });
    expect(String(error?.detail)).toContain("GET /v1/brands");
  });

  test("an unknown path is 404 in Kustomer's error shape", async () => {
    const response = await call("GET", "/v1/not-a-resource");
    expect(response.status).toBe(404);
    expect(errorsOf(response)[0]).toMatchObject({ status: 404, code: "not_found" });
  });
  test("a path asked with a method it does not take is 405, with Allow", async () => {
    const response = await call("PATCH", "/v1/customers");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(errorsOf(response)[0]).toMatchObject({ status: 405, code: "method_not_allowed" });
  });

  for (const method of ["OPTIONS", "TRACE", "PROPFIND", "PURGE"]) {
    test(`${method}, a method Kustomer's API never takes, is 405, not a closed connection`, async () => {
      const known = await call(method, "/v1/customers");
      expect(known.status).toBe(405);
      expect(known.headers.get("allow")).toBe("GET, POST");
      const unknown = await call(method, "/v1/not-a-resource");
      expect(unknown.status).toBe(405);
      expect(unknown.headers.get("allow")).toBe("GET, POST, PUT, PATCH, DELETE");
    });
  }

  // A method outside the list Bun's HTTP parser knows (BREW, FOO, a lower-case get) never reaches
  // the handler: the parser refuses it, and the sandbox answers from node:http's clientError
  // event (sandbox/http.ts). Raw TCP, because Bun's fetch sends an unknown method as GET.
  test("a method Bun's parser does not know (BREW, FOO, get) is 405 with Allow, then the connection closes", async () => {
    const cases = [
      { line: "BREW /v1/customers", allow: "GET, POST" },
      { line: "get /v1/customers?pageSize=1", allow: "GET, POST" },
      { line: "FOO /v1/not-a-resource", allow: "GET, POST, PUT, PATCH, DELETE" },
    ];
    for (const { line, allow } of cases) {
      const answer = parseAnswer(
        await exchange(sandbox.port, `${line} HTTP/1.1\r\n${HEADERS}\r\n`),
      );
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe(allow);
      expect(answer.headers.connection).toBe("close");
      const [method = "", target = ""] = line.split(" ");
      expect(answer.body).toEqual({
        errors: [
          {
            status: 405,
            code: "method_not_allowed",
            title: "Method Not Allowed",
            detail: `${method} is not a method ${target.split("?")[0]} takes; it takes ${allow}`,
          },
        ],
      });
    }
  });

  test("a request line that is not METHOD /path HTTP/1.1 is 400 naming what is wrong", async () => {
    for (const [request, reason] of [
      ["garbage\r\n\r\n", "the request line must read METHOD /path HTTP/1.1"],
      [`GET /v1/customers\r\n${HEADERS}\r\n`, "Invalid HTTP version"],
      [`GET /v1/customers HTTP/9.9\r\n${HEADERS}\r\n`, "Invalid HTTP version"],
    ] as const) {
      const answer = parseAnswer(await exchange(sandbox.port, request));
      expect(answer.status).toBe(400);
      expect(answer.headers.connection).toBe("close");
      const [error] = (answer.body as { errors: { code: string; detail: string }[] }).errors;
      expect(error?.code).toBe("bad_request");
      expect(error?.detail).toContain(reason);
    }
  });
});
