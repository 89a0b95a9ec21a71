import { describe, test } from "bun:test";
import { main } from "../../scripts/companies/find_company_kobjects.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const company = "5f1c6a3e9d1b2c0011a0b0c1";
const page = {
  data: [{ type: "kobject", id: "5f1c6a3e9d1b2c0011a0b0f1", attributes: { title: "Order #1001" } }],
  links: { next: null },
};

describe("find_company_kobjects", () => {
  test("sends GET /v1/companies/{id}/klasses/{name} with page and pageSize", async () => {
    await callAndCheck(
      main,
      [company, "order", 2, 50],
      {
        method: "GET",
        path: `/v1/companies/${company}/klasses/order`,
        query: { page: "2", pageSize: "50" },
      },
      { status: 200, body: page },
    );
  });

  test("without page values no query is sent", async () => {
    await callAndCheck(main, [company, "order"], {
      method: "GET",
      path: `/v1/companies/${company}/klasses/order`,
      query: {},
    });
  });

  test("the company id and the Klass name are percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", "order items"], {
      method: "GET",
      path: "/v1/companies/acct%2F42%20%2Bvip/klasses/order%20items",
    });
    await expectRefused(main, ["", "order"], "id is required");
    await expectRefused(main, [company, ""], "name is required");
  });
});
