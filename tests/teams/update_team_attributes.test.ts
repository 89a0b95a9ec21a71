import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/teams/update_team_attributes.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0e1";

describe("update_team_attributes", () => {
  test("sends PATCH /v1/teams/{id} with only the fields set; null clears icon", async () => {
    await callAndCheck(
      main,
      [ID, { displayName: "Tier 2 (EMEA)", icon: null, name: "", members: [] }],
      {
        method: "PATCH",
        path: `/v1/teams/${ID}`,
        body: { displayName: "Tier 2 (EMEA)", icon: null },
      },
      { status: 200, body: kustomerRecord("team", ID, { displayName: "Tier 2 (EMEA)" }) },
    );
  });

  test("the id is percent-encoded and required; an empty update is refused", async () => {
    await callAndCheck(main, ["acct/42 +vip", { deleted: true }], {
      method: "PATCH",
      path: "/v1/teams/acct%2F42%20%2Bvip",
      body: { deleted: true },
    });
    await expectRefused(main, ["", { name: "Tier 2" }], "id is required");
    await expectRefused(main, [ID, { name: "", members: [] }], "body has no fields set");
  });

  test("a PATCH is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, ID, { name: "Tier 2" })).rejects.toMatchObject({
      code: "network_error",
    });
    expect(calls).toHaveLength(1);
  });
});
