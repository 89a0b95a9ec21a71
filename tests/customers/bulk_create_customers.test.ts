import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/bulk_create_customers.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { expectOfficialBody, testWithOfficialSpec } from "../helpers/official-schema.ts";
import { FORM_BLANKS, sampleCustomer } from "../helpers/samples.ts";

const queued = { data: { type: "bulk", id: "b1", attributes: { status: "queued" } } };
const customers = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    ...sampleCustomer(index),
    _clientRef: `row-${index}`,
  }));

describe("bulk_create_customers", () => {
  test("sends POST /v1/customers/bulk with the array and returns the bulk operation", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    const result = await main(TEST_AUTH, customers(3));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: "/v1/customers/bulk",
      query: {},
      body: customers(3),
    });
    expect(calls[0]?.headers["content-type"]).toBe("application/json");
    expect(result).toEqual(queued);
  });

  testWithOfficialSpec(`the body sent matches the official schema`, async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await main(TEST_AUTH, [...customers(99), { ...FORM_BLANKS, name: "Grace" }]);
    expect(calls[0]?.body).toHaveLength(100);
    expectOfficialBody("POST", "/v1/customers/bulk", calls[0]?.body);
  });

  test("blank form fields are dropped in every item", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await main(TEST_AUTH, [
      { ...FORM_BLANKS, name: "Grace" },
      { ...FORM_BLANKS, externalId: "x-2" },
    ]);
    expect(calls[0]?.body).toEqual([{ name: "Grace" }, { externalId: "x-2" }]);
  });

  test("over 100 items is refused before sending, pointing at chunking", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await expect(main(TEST_AUTH, customers(101))).rejects.toThrow(
      "body has 101 items; Kustomer takes at most 100 per bulk request: split the list into chunks of 100",
    );
    expect(calls).toHaveLength(0);
  });

  test("an empty list or a single object is refused before sending", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await expect(main(TEST_AUTH, [])).rejects.toThrow("body has 0 items; pass at least 1");
    await expect(main(TEST_AUTH, sampleCustomer() as never)).rejects.toThrow(
      "body must be an array (got an object)",
    );
    expect(calls).toHaveLength(0);
  });

  test("an invalid item is reported by its index", async () => {
    stubFetch(() => jsonResponse(201, queued));
    const items = [sampleCustomer(0), { ...sampleCustomer(1), tags: ["has a !"] }];
    await expect(main(TEST_AUTH, items)).rejects.toThrow(
      /body\[1\]\.tags\[0\] does not match the pattern/,
    );
  });
});
