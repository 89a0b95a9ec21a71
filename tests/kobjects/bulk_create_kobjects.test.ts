import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/bulk_create_kobjects.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0e3", attributes: { status: "queued" } },
};
const orders: Parameters<typeof main>[2] = [
  {
    _clientRef: "row-1",
    title: "Order #1001",
    externalId: "shopify-1001",
    customer: "5f1c6a3e9d1b2c0011a0b0c2",
    custom: { totalNum: 49.9 },
  },
  {
    _clientRef: "row-2",
    title: "Order #1002",
    externalId: "shopify-1002",
    data: { currency: "EUR" },
  },
];

describe("bulk_create_kobjects", () => {
  test("sends POST /v1/klasses/{name}/bulk with the list and returns the bulk operation", async () => {
    await callAndCheck(
      main,
      ["order", orders],
      { method: "POST", path: "/v1/klasses/order/bulk", body: orders },
      { status: 201, body: queued },
    );
  });

  testOfficialBody("POST", "/klasses/{name}/bulk", main, ["order", orders]);

  test("the Klass name is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["order/eu v2", orders],
      { method: "POST", path: "/v1/klasses/order%2Feu%20v2/bulk", body: orders },
      { status: 201, body: queued },
    );
    await expectRefused(main, ["", orders], "name is required");
  });

  test("an item without a title and more than 100 items are refused", async () => {
    await expectRefused(
      main,
      ["order", [{ externalId: "shopify-1003" }]],
      "body[0].title is required",
    );
    const many = Array.from({ length: 101 }, (_, index) => ({ title: `Order #${index}` }));
    await expectRefused(main, ["order", many], "at most 100 per bulk request");
  });

  test("a bulk create is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, "order", orders)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
