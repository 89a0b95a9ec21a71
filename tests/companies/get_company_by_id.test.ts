import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/companies/get_company_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("get_company_by_id", () => {
  test("sends GET /v1/companies/{id} and returns the company", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c1"],
      { method: "GET", path: "/v1/companies/5f1c6a3e9d1b2c0011a0b0c1" },
      {
        status: 200,
        body: kustomerRecord("company", "5f1c6a3e9d1b2c0011a0b0c1", { name: "Acme Robotics" }),
      },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/companies/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0c1")).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
