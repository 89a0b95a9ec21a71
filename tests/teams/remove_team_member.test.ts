import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/teams/remove_team_member.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0e1";
const members = ["5f1c6a3e9d1b2c0011a0b0c1", "5f1c6a3e9d1b2c0011a0b0c2"];

describe("remove_team_member", () => {
  test("sends DELETE /v1/teams/{id}/members with a JSON body; a 204 returns null", async () => {
    await callAndCheck(
      main,
      [ID, { members }],
      { method: "DELETE", path: `/v1/teams/${ID}/members`, body: { members } },
      { status: 204 },
    );
  });

  test("an answer with a body is returned as sent", async () => {
    const team = { data: { type: "team", id: ID, attributes: { members: [] } } };
    await callAndCheck(
      main,
      [ID, { members }],
      { method: "DELETE", path: `/v1/teams/${ID}/members`, body: { members } },
      { status: 200, body: team },
    );
  });

  test("the id is percent-encoded and required; members must list someone", async () => {
    await callAndCheck(
      main,
      ["acct/42 +vip", { members }],
      { method: "DELETE", path: "/v1/teams/acct%2F42%20%2Bvip/members", body: { members } },
      { status: 204 },
    );
    await expectRefused(main, ["", { members }], "id is required");
    await expectRefused(main, [ID, { members: [] }], "body.members is required");
    await expectRefused(main, [ID, { members: [42] } as never], "body.members[0] must be");
  });

  test("a DELETE is retried after a 500, body included", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, ID, { members })).toBeNull();
    expect(calls.map((call) => call.body)).toEqual([{ members }, { members }]);
  });
});
