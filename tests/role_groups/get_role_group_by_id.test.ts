import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/role_groups/get_role_group_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0d1";

describe("get_role_group_by_id", () => {
  test("sends GET /v1/role-groups/{id} and returns the group", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/role-groups/${ID}` },
      {
        status: 200,
        body: kustomerRecord("role-group", ID, {
          name: "Billing agents",
          roles: ["org.permission.customer.read"],
        }),
      },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/role-groups/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 404 is reported with Kustomer's message and not retried", async () => {
    const calls = stubFetch(() =>
      jsonResponse(404, { errors: [{ code: "not_found", message: "Role group not found" }] }),
    );
    await expect(main(TEST_AUTH, ID)).rejects.toThrow("404 Not Found: Role group not found");
    expect(calls).toHaveLength(1);
  });
});
