import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/create_kobject.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const order: Parameters<typeof main>[2] = {
  title: "Order #1001",
  externalId: "shopify-1001",
  customer: "5f1c6a3e9d1b2c0011a0b0c2",
  description: "2 items, shipped by DHL",
  data: { currency: "EUR", lines: [{ sku: "SOCK-RED", quantity: 2 }] },
  custom: { totalNum: 49.9, statusStr: "shipped", shippedAt: "2025-03-01T10:00:00.000Z" },
  tags: ["shipped"],
  importedAt: "2026-01-15T00:00:00.000Z",
};

describe("create_kobject", () => {
  test("sends POST /v1/klasses/{name} with the object and returns it", async () => {
    await callAndCheck(
      main,
      ["order", order],
      { method: "POST", path: "/v1/klasses/order", body: order },
      { status: 201, body: kustomerRecord("kobject", "5f1c6a3e9d1b2c0011a0b0f1", order) },
    );
  });

  testOfficialBody("POST", "/klasses/{name}", main, ["order", order]);

  test("the Klass name is percent-encoded and required", async () => {
    await callAndCheck(main, ["order/eu v2", { title: "Order #1002" }], {
      method: "POST",
      path: "/v1/klasses/order%2Feu%20v2",
      body: { title: "Order #1002" },
    });
    await expectRefused(main, ["", order], "name is required");
  });

  test("a missing title and a custom attribute without a type suffix are refused", async () => {
    await expectRefused(main, ["order", { externalId: "shopify-1003" }], "body.title is required");
    await expectRefused(
      main,
      ["order", { title: "Order #1003", custom: { total: 5 } }],
      "body.custom.total",
    );
  });

  test("a create is not repeated after a 500 (the object may exist)", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, "order", order)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
