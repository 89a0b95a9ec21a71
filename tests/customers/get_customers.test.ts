import { describe, test } from "bun:test";
import { main } from "../../scripts/customers/get_customers.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = { data: [{ type: "item", id: "i1", attributes: {} }], links: { next: null } };

describe("get_customers", () => {
  test("sends GET /v1/customers without a query when no option is set", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/customers" },
      { status: 200, body: page },
    );
  });

  test("sends the paging options it is given", async () => {
    await callAndCheck(main, [2, 100], {
      method: "GET",
      path: "/v1/customers",
      query: { page: "2", pageSize: "100" },
    });
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
