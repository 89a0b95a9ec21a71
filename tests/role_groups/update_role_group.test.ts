import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/role_groups/update_role_group.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0d1";
const roles = ["org.permission.customer.read", "org.permission.note.create"];

describe("update_role_group", () => {
  test("sends PUT /v1/role-groups/{id} with only the fields set and returns the group", async () => {
    await callAndCheck(
      main,
      [ID, { roles, description: "", name: "" }],
      { method: "PUT", path: `/v1/role-groups/${ID}`, body: { roles } },
      { status: 200, body: kustomerRecord("role-group", ID, { name: "Billing agents", roles }) },
    );
  });

  test("the id is percent-encoded and required; an empty update is refused", async () => {
    await callAndCheck(main, ["acct/42 +vip", { display: false }], {
      method: "PUT",
      path: "/v1/role-groups/acct%2F42%20%2Bvip",
      body: { display: false },
    });
    await expectRefused(main, ["", { roles }], "id is required");
    await expectRefused(main, [ID, { name: "", roles: [] }], "body has no fields set");
  });

  test("a PUT is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, ID, { roles })).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
