import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/get_customer_by_external_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";

describe("get_customer_by_external_id", () => {
  test("sends GET /v1/customers/externalId={externalId} and returns the customer", async () => {
    const customer = kustomerRecord("customer", "c1", { externalId: "crm-1000" });
    const calls = stubFetch(() => jsonResponse(200, customer));
    const result = await main(TEST_AUTH, "crm-1000");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "GET",
      path: "/v1/customers/externalId=crm-1000",
      query: {},
      body: undefined,
    });
    expect(calls[0]?.headers["content-type"]).toBeUndefined();
    expect(result).toEqual(customer);
  });

  test("an externalId with / + # and spaces is encoded into the path", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await main(TEST_AUTH, "acct/42 +vip#1");
    expect(calls[0]?.url.pathname).toBe("/v1/customers/externalId=acct%2F42%20%2Bvip%231");
    expect(calls[0]?.url.hash).toBe("");
  });

  test("a missing externalId is refused before sending; a 404 names the lookup", async () => {
    const calls = stubFetch(() =>
      jsonResponse(404, { errors: [{ code: "not_found", message: "Customer not found" }] }),
    );
    await expect(main(TEST_AUTH, " ")).rejects.toThrow("externalId is required");
    expect(calls).toHaveLength(0);
    await expect(main(TEST_AUTH, "nobody")).rejects.toThrow(
      "Kustomer GET /v1/customers/externalId=nobody failed: 404 Not Found: Customer not found",
    );
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, "crm-1")).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
