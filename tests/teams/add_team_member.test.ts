import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/teams/add_team_member.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0e1";
const members = ["5f1c6a3e9d1b2c0011a0b0c1", "5f1c6a3e9d1b2c0011a0b0c2"];

describe("add_team_member", () => {
  test("sends POST /v1/teams/{id}/members with the user ids and returns the answer", async () => {
    await callAndCheck(
      main,
      [ID, { members }],
      { method: "POST", path: `/v1/teams/${ID}/members`, body: { members } },
      { status: 200, body: kustomerRecord("team", ID, { members }) },
    );
  });

  test("the id is percent-encoded and required; members is required", async () => {
    await callAndCheck(main, ["acct/42 +vip", { members }], {
      method: "POST",
      path: "/v1/teams/acct%2F42%20%2Bvip/members",
      body: { members },
    });
    await expectRefused(main, ["", { members }], "id is required");
    await expectRefused(main, [ID, { members: [""] }], "body.members is required");
    await expectRefused(
      main,
      [ID, { members: "5f1c6a3e9d1b2c0011a0b0c1" } as never],
      "body.members must be",
    );
  });

  test("a POST is not repeated after a 500", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID, { members })).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
