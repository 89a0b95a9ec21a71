import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/role_groups/delete_role_group.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0d1";

describe("delete_role_group", () => {
  test("sends DELETE /v1/role-groups/{id} without a body; a 204 returns null", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "DELETE", path: `/v1/role-groups/${ID}` },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["acct/42 +vip"],
      { method: "DELETE", path: "/v1/role-groups/acct%2F42%20%2Bvip" },
      { status: 204 },
    );
    await expectRefused(main, [""], "id is required");
  });

  test("a DELETE is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, ID)).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
