import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/update_customer_attributes.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { expectOfficialBody, testWithOfficialSpec } from "../helpers/official-schema.ts";
import { FORM_BLANKS } from "../helpers/samples.ts";

describe("update_customer_attributes", () => {
  test("sends PATCH /v1/customers/{id} with only the fields set", async () => {
    const updated = kustomerRecord("customer", "c1", { name: "Ada", custom: { tierStr: "gold" } });
    const calls = stubFetch(() => jsonResponse(200, updated));
    const result = await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0c1", {
      custom: { tierStr: "gold" },
      locale: null,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "PATCH",
      path: "/v1/customers/5f1c6a3e9d1b2c0011a0b0c1",
      query: {},
      body: { custom: { tierStr: "gold" }, locale: null },
    });
    expect(result).toEqual(updated);
  });

  test("the id is percent-encoded and required", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await main(TEST_AUTH, "a/b?c", { name: "Ada" });
    expect(calls[0]?.url.pathname).toBe("/v1/customers/a%2Fb%3Fc");
    await expect(main(TEST_AUTH, "", { name: "Ada" })).rejects.toThrow("id is required");
    expect(calls).toHaveLength(1);
  });

  test("what the form left blank is not sent, so it is not erased; null clears", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await main(TEST_AUTH, "c1", {
      ...FORM_BLANKS,
      custom: { tierStr: "", vipBool: false },
      timeZone: null,
    });
    expect(calls[0]?.body).toEqual({ custom: { vipBool: false }, timeZone: null });
  });

  test("an update with nothing set is refused rather than sent", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await expect(main(TEST_AUTH, "c1", FORM_BLANKS)).rejects.toThrow("body has no fields set");
    expect(calls).toHaveLength(0);
  });

  testWithOfficialSpec(`the body sent matches the official schema`, async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await main(TEST_AUTH, "c1", {
      name: "Ada",
      company: null,
      custom: { ordersNum: 3, noteStr: null },
      tags: ["vip"],
    });
    expectOfficialBody("PATCH", "/v1/customers/{id}", calls[0]?.body);
  });

  test("a PATCH is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, "c1", { name: "Ada" })).rejects.toMatchObject({
      code: "network_error",
    });
    expect(calls).toHaveLength(1);
  });
});
