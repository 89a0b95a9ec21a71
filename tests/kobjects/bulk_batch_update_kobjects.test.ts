import { describe, test } from "bun:test";
import { main } from "../../scripts/kobjects/bulk_batch_update_kobjects.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0e4", attributes: { status: "queued" } },
};
const updates: Parameters<typeof main>[3] = [
  { _clientRef: "row-1", id: "5f1c6a3e9d1b2c0011a0b0f1", custom: { statusStr: "delivered" } },
  {
    _clientRef: "row-2",
    id: "5f1c6a3e9d1b2c0011a0b0f2",
    title: "Order #1002 (gift)",
    tags: ["gift"],
  },
];

describe("bulk_batch_update_kobjects", () => {
  test("sends PUT /v1/klasses/{name}/bulk with the items, without ids when not given", async () => {
    await callAndCheck(
      main,
      ["order", undefined, updates],
      { method: "PUT", path: "/v1/klasses/order/bulk", query: {}, body: updates },
      { status: 200, body: queued },
    );
  });

  test("sends ids as a comma-separated query value when given", async () => {
    await callAndCheck(
      main,
      ["order", "5f1c6a3e9d1b2c0011a0b0f1,5f1c6a3e9d1b2c0011a0b0f2", updates],
      {
        method: "PUT",
        path: "/v1/klasses/order/bulk",
        query: { ids: "5f1c6a3e9d1b2c0011a0b0f1,5f1c6a3e9d1b2c0011a0b0f2" },
        body: updates,
      },
      { status: 200, body: queued },
    );
  });

  testOfficialBody("PUT", "/klasses/{name}/bulk", main, ["order", undefined, updates]);

  test("the Klass name is percent-encoded and required", async () => {
    await callAndCheck(main, ["order/eu v2", undefined, updates], {
      method: "PUT",
      path: "/v1/klasses/order%2Feu%20v2/bulk",
      body: updates,
    });
    await expectRefused(main, ["", undefined, updates], "name is required");
  });

  test("an item without its id and more than 100 items are refused", async () => {
    await expectRefused(
      main,
      ["order", undefined, [{ title: "Order #1" }]],
      "body[0].id is required",
    );
    const many = Array.from({ length: 101 }, (_, index) => ({ id: `k${index}`, tags: ["x"] }));
    await expectRefused(main, ["order", undefined, many], "split the list into chunks of 100");
  });
});
