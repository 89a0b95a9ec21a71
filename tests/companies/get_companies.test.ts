import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/companies/get_companies.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [
    { type: "company", id: "5f1c6a3e9d1b2c0011a0b0c1", attributes: { name: "Acme Robotics" } },
  ],
  meta: { page: 2, pageSize: 100 },
  links: { next: "/v1/companies?page=3&pageSize=100" },
};

describe("get_companies", () => {
  test("sends GET /v1/companies with the name filter, page and pageSize", async () => {
    await callAndCheck(
      main,
      [undefined, "Acme", 2, 100],
      {
        method: "GET",
        path: "/v1/companies",
        query: { filter: "Acme", page: "2", pageSize: "100" },
      },
      { status: 200, body: page },
    );
  });

  test("looks a company up by externalId, encoded in the query", async () => {
    const { request } = await callAndCheck(
      main,
      ["crm/42 +vip"],
      { method: "GET", path: "/v1/companies", query: { externalId: "crm/42 +vip" } },
      { status: 200, body: { data: [] } },
    );
    expect(request.url.search).toBe("?externalId=crm%2F42+%2Bvip");
  });

  test("without values (or with the form's blanks) no query is sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/companies", query: {} });
    await callAndCheck(main, ["", "", undefined, undefined], {
      method: "GET",
      path: "/v1/companies",
      query: {},
    });
  });
});
