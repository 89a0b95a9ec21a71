import { describe, test } from "bun:test";
import { main } from "../../scripts/search/search_customers.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const query = {
  queryContext: "customer",
  and: [{ customer_emails: { equals: "ada@example.com" } }],
  sort: [{ customer_updated_at: "desc" }],
};

describe("search_customers", () => {
  test("sends POST /v1/customers/search with the criteria and returns the page", async () => {
    const page = { data: [{ type: "customer", id: "c1", attributes: {} }], links: { next: null } };
    await callAndCheck(
      main,
      [query],
      { method: "POST", path: "/v1/customers/search", body: query },
      { status: 200, body: page },
    );
  });

  test("page, pageSize and idsOnly go in the query", async () => {
    await callAndCheck(main, [query, 2, 500, true], {
      method: "POST",
      path: "/v1/customers/search",
      query: { page: "2", pageSize: "500", idsOnly: "true" },
      body: query,
    });
  });

  testOfficialBody("POST", "/customers/search", main, [query]);

  test("bad paging and an unknown query context are refused before sending", async () => {
    await expectRefused(main, [query, 0], "page must be at least 1");
    await expectRefused(
      main,
      [{ ...query, queryContext: "customers" }],
      "body.queryContext does not match the pattern Kustomer requires",
    );
  });
});
