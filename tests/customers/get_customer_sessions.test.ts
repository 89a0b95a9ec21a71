import { describe, test } from "bun:test";
import { main } from "../../scripts/customers/get_customer_sessions.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = { data: [{ type: "item", id: "i1", attributes: {} }], links: { next: null } };

describe("get_customer_sessions", () => {
  test("sends GET /v1/customers/{id}/sessions without a query when no option is set", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c1"],
      { method: "GET", path: "/v1/customers/5f1c6a3e9d1b2c0011a0b0c1/sessions" },
      { status: 200, body: page },
    );
  });

  test("sends the paging options it is given", async () => {
    await callAndCheck(main, ["5f1c6a3e9d1b2c0011a0b0c1", 1, 100], {
      method: "GET",
      path: "/v1/customers/5f1c6a3e9d1b2c0011a0b0c1/sessions",
      query: { page: "1", pageSize: "100" },
    });
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, ["5f1c6a3e9d1b2c0011a0b0c1", 0], "page must be at least 1");
  });

  test("path values are percent-encoded and required", async () => {
    await callAndCheck(main, ["a/b c"], {
      method: "GET",
      path: "/v1/customers/a%2Fb%20c/sessions",
    });
    await expectRefused(main, [""], "id is required");
  });
});
