// Request-body validation: Kustomer's 400 shape with a JSON pointer per problem.
import { afterAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { kustomerValidate } from "../../resources/kustomer.ts";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { createBodyValidator } from "../../sandbox/validation.ts";
import { clientFor, errorsOf } from "../helpers/sandbox-client.ts";

const sandbox: Sandbox = startSandbox({ port: 0 });
const call = clientFor(sandbox);

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; these tests talk to 127.0.0.1
});

afterAll(async () => {
  await sandbox.stop();
});

describe("over HTTP", () => {
  test("a too-long name and an unsuffixed custom attribute give 400 with pointers", async () => {
    const response = await call("POST", "/v1/customers", {
      body: { name: "x".repeat(300), custom: { tier: "gold", ordersNum: "many" } },
    });
    expect(response.status).toBe(400);
    const errors = errorsOf(response);
    for (const error of errors) {
      expect(error).toMatchObject({ status: 400, code: "bad_request", title: "Bad Request" });
      expect(typeof error.detail).toBe("string");
    }
    const pointers = errors.map((error) => (error.source as { pointer: string }).pointer);
    expect(pointers).toEqual(["/name", "/custom/tier", "/custom/ordersNum"]);
  });

  test("unknown fields, wrong types and enum values are 400 with their pointers", async () => {
    const response = await call("POST", "/v1/customers", {
      body: { nmae: "typo", emails: [{ email: "a@example.com", type: "mobile" }], tags: "vip" },
    });
    expect(response.status).toBe(400);
    const pointers = errorsOf(response).map(
      (error) => (error.source as { pointer: string }).pointer,
    );
    expect(pointers.sort()).toEqual(["/emails/0/type", "/nmae", "/tags"]);
  });

  test("custom attributes accept null and the matching types", async () => {
    const response = await call("POST", "/v1/customers", {
      body: {
        custom: {
          planStr: "pro",
          notesTxt: "long",
          ordersNum: 3,
          renewedAt: "2025-01-02T03:04:05.000Z",
          activeBool: true,
          siteUrl: "https://example.com",
          ownerId: "5a1b2c3d4e5f60718293a4b5",
          clearedStr: null,
        },
      },
    });
    expect(response.status).toBe(201);
  });

  test("malformed JSON and a missing body are 400", async () => {
    const malformed = await fetch(`${sandbox.url}/v1/customers`, {
      method: "POST",
      headers: { Authorization: `Bearer ${sandbox.apiKey}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    expect((await call("POST", "/v1/customers")).status).toBe(400);
    expect(
      (await call("POST", "/v1/customers/bulk", { body: { name: "not a list" } })).status,
    ).toBe(400);
  });

  test("a body over 100 KB is 413", async () => {
    const response = await call("POST", "/v1/customers", {
      body: { name: "a", custom: { bigTxt: "x".repeat(110_000) } },
    });
    expect(response.status).toBe(413);
    expect(errorsOf(response)[0]).toMatchObject({ status: 413, code: "payload_too_large" });
  });
});

describe("createBodyValidator (any schema source)", () => {
  const validator = createBodyValidator(
    {
      CreateThing: {
        type: "object",
        required: ["title"],
        properties: { title: { type: "string", maxLength: 5 } },
        additionalProperties: false,
      },
      BulkCreateThings: {
        type: "array",
        maxItems: 100,
        items: {
          type: "object",
          properties: { _clientRef: { type: "string" }, title: { type: "string" } },
          additionalProperties: false,
        },
      },
    },
    kustomerValidate,
  );

  test("unknown fields and missing required fields point at the field", () => {
    const errors = validator.validateBody("CreateThing", { Title: "typo" });
    expect(errors.map((error) => error.source?.pointer)).toEqual(["/title", "/Title"]);
    expect(errors[1]?.detail).toContain('did you mean "title"');
  });

  test("bulk items are checked one by one, _clientRef allowed, pointers include the index", () => {
    expect(validator.validateBody("BulkCreateThings", [{ title: "a" }])).toEqual([]);
    expect(
      validator.validateBulkItem("BulkCreateThings", { _clientRef: "r", title: "ok" }, 0),
    ).toEqual([]);
    const [error] = validator.validateBulkItem("BulkCreateThings", { title: 5 }, 7);
    expect(error?.source?.pointer).toBe("/7/title");
  });
});
