import { describe, test } from "bun:test";
import { main } from "../../scripts/customers/find_customer_kobjects.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = { data: [{ type: "item", id: "i1", attributes: {} }], links: { next: null } };

describe("find_customer_kobjects", () => {
  test("sends GET /v1/customers/{id}/klasses/{name} without a query when no option is set", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c1", "order"],
      { method: "GET", path: "/v1/customers/5f1c6a3e9d1b2c0011a0b0c1/klasses/order" },
      { status: 200, body: page },
    );
  });

  test("sends the paging options it is given", async () => {
    await callAndCheck(main, ["5f1c6a3e9d1b2c0011a0b0c1", "order", 2, 100], {
      method: "GET",
      path: "/v1/customers/5f1c6a3e9d1b2c0011a0b0c1/klasses/order",
      query: { page: "2", pageSize: "100" },
    });
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, ["5f1c6a3e9d1b2c0011a0b0c1", "order", 0], "page must be at least 1");
  });

  test("path values are percent-encoded and required", async () => {
    await callAndCheck(main, ["a/b c", "a/b c"], {
      method: "GET",
      path: "/v1/customers/a%2Fb%20c/klasses/a%2Fb%20c",
    });
    await expectRefused(main, ["", "order"], "id is required");
  });
});
