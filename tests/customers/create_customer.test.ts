import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/create_customer.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { expectOfficialBody, testWithOfficialSpec } from "../helpers/official-schema.ts";
import { FORM_BLANKS, sampleCustomer } from "../helpers/samples.ts";

describe("create_customer", () => {
  test("sends POST /v1/customers with the body and returns Kustomer's answer", async () => {
    const created = kustomerRecord("customer", "c1", { name: "Ada Lovelace 0" });
    const calls = stubFetch(() => jsonResponse(201, created));
    const result = await main(TEST_AUTH, sampleCustomer());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: "/v1/customers",
      query: {},
      body: sampleCustomer(),
    });
    expect(calls[0]?.url.origin).toBe("https://api.kustomerapp.com");
    expect(calls[0]?.headers).toMatchObject({
      authorization: `Bearer ${TEST_AUTH.apiKey}`,
      "content-type": "application/json",
      "user-agent": "kustomer-windmill-scripts/1.0 (CreateCustomer)",
    });
    expect(result).toEqual(created);
  });

  testWithOfficialSpec(`the body sent matches the official schema`, async () => {
    const calls = stubFetch(() => jsonResponse(201, {}));
    await main(TEST_AUTH, { ...sampleCustomer(), ...FORM_BLANKS, name: "Grace" });
    expectOfficialBody("POST", "/v1/customers", calls[0]?.body);
  });

  test("fields the form left blank are not sent", async () => {
    const calls = stubFetch(() => jsonResponse(201, {}));
    await main(TEST_AUTH, { ...FORM_BLANKS, name: "Grace", externalId: null });
    expect(calls[0]?.body).toEqual({ name: "Grace", externalId: null });
  });

  test("a bad field is refused before anything is sent, and the message says what to fix", async () => {
    const calls = stubFetch(() => jsonResponse(201, {}));
    const body = {
      name: "Ada",
      emails: [{ type: "mobile", email: "a@x.io" }],
      custom: { tier: "gold" },
    };
    const error = (await main(TEST_AUTH, body as never).catch(
      (caught: unknown) => caught,
    )) as Error;
    expect(error).toMatchObject({ name: "KustomerError", code: "invalid_input" });
    expect(error.message).toContain(
      'body.emails[0].type must be one of "home", "work", "other" (got "mobile")',
    );
    expect(error.message).toContain("body.custom.tier must end in a type suffix");
    expect(calls).toHaveLength(0);
  });

  test("a 500 is not repeated: the customer may have been created", async () => {
    const calls = stubFetch(() =>
      jsonResponse(500, { errors: [{ code: "internal", message: "oops" }] }),
    );
    await expect(main(TEST_AUTH, sampleCustomer())).rejects.toMatchObject({
      status: 500,
      code: "internal",
    });
    expect(calls).toHaveLength(1);
  });
});
