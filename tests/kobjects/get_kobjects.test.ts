import { describe, test } from "bun:test";
import { main } from "../../scripts/kobjects/get_kobjects.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "kobject", id: "5f1c6a3e9d1b2c0011a0b0f1", attributes: { title: "Order #1001" } }],
  meta: { page: 3, pageSize: 100 },
  links: { next: null },
};

describe("get_kobjects", () => {
  test("sends GET /v1/klasses/{name} with fromDate, page and pageSize", async () => {
    await callAndCheck(
      main,
      ["order", "2025-01-01T00:00:00.000Z", 3, 100],
      {
        method: "GET",
        path: "/v1/klasses/order",
        query: { fromDate: "2025-01-01T00:00:00.000Z", page: "3", pageSize: "100" },
      },
      { status: 200, body: page },
    );
  });

  test("without optional values no query is sent", async () => {
    await callAndCheck(
      main,
      ["order"],
      { method: "GET", path: "/v1/klasses/order", query: {} },
      {
        status: 200,
        body: page,
      },
    );
  });

  test("the Klass name is percent-encoded and required", async () => {
    await callAndCheck(main, ["order/eu v2"], {
      method: "GET",
      path: "/v1/klasses/order%2Feu%20v2",
    });
    await expectRefused(main, [""], "name is required");
  });
});
