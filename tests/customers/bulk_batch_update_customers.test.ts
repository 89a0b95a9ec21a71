import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/bulk_batch_update_customers.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { expectOfficialBody, testWithOfficialSpec } from "../helpers/official-schema.ts";
import { FORM_BLANKS, sampleCustomer } from "../helpers/samples.ts";

const queued = { data: { type: "bulk", id: "b2", attributes: { status: "queued" } } };
const updates = [
  { id: "5f1c6a3e9d1b2c0011a0b0d1", custom: { tierStr: "platinum" } },
  { id: "5f1c6a3e9d1b2c0011a0b0d2", name: "Grace Hopper", tags: ["vip"] },
];

describe("bulk_batch_update_customers", () => {
  test("sends PUT /v1/customers/bulk with an array of items, without ids when not given", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    const result = await main(TEST_AUTH, undefined, updates);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "PUT",
      path: "/v1/customers/bulk",
      query: {},
      body: updates,
    });
    expect(result).toEqual(queued);
  });

  test("sends ids as a query value when given, encoded", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await main(TEST_AUTH, "c1,c2", updates);
    expect(calls[0]?.url.search).toBe("?ids=c1%2Cc2");
    expect(calls[0]?.query).toEqual({ ids: "c1,c2" });
  });

  test("an empty ids from the form is left out", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await main(TEST_AUTH, "", updates);
    expect(calls[0]?.url.search).toBe("");
  });

  testWithOfficialSpec(`the body sent matches the official schema`, async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await main(TEST_AUTH, undefined, [
      ...updates,
      { ...sampleCustomer(), id: "5f1c6a3e9d1b2c0011a0b0d3", _clientRef: "r3" },
      { ...FORM_BLANKS, id: "5f1c6a3e9d1b2c0011a0b0d4", locale: null },
    ]);
    expectOfficialBody("PUT", "/v1/customers/bulk", calls[0]?.body);
  });

  test("blank fields are not sent, so they are not erased", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await main(TEST_AUTH, undefined, [
      { ...FORM_BLANKS, id: "c1", company: null, custom: { tierStr: "" } },
    ]);
    expect(calls[0]?.body).toEqual([{ id: "c1", company: null }]);
  });

  test("every item needs its id, and the body must be a list of at most 100", async () => {
    const calls = stubFetch(() => jsonResponse(201, queued));
    await expect(main(TEST_AUTH, undefined, [{ name: "no id" } as never])).rejects.toThrow(
      "body[0].id is required",
    );
    await expect(main(TEST_AUTH, undefined, updates[0] as never)).rejects.toThrow(
      "body must be an array",
    );
    const many = Array.from({ length: 150 }, (_, index) => ({ id: `c${index}`, name: "x" }));
    await expect(main(TEST_AUTH, undefined, many)).rejects.toThrow(
      "split the list into chunks of 100",
    );
    expect(calls).toHaveLength(0);
  });

  test("a 503 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(201, queued),
    );
    expect(await main(TEST_AUTH, undefined, updates)).toEqual(queued);
    expect(calls).toHaveLength(2);
  });
});
