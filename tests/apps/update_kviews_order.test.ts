import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/update_kviews_order.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[3] = {
  order: ["5f1c6a3e9d1b2c0011a0b0d3", "5f1c6a3e9d1b2c0011a0b0d2"],
};

describe("update_kviews_order", () => {
  test("sends PUT /v1/kviews/{resource}/{context}/order and the body as given", async () => {
    await callAndCheck(
      main,
      ["customer", "smartbar-card", sent],
      { method: "PUT", path: "/v1/kviews/customer/smartbar-card/order", query: {}, body: sent },
      { status: 200, body: { data: [] } },
    );
  });

  test("the resource and the context are required", async () => {
    await expectRefused(main, ["", "smartbar-card", sent], "resource is required");
    await expectRefused(main, ["customer", "", sent], "context is required");
  });
});
