import { describe, test } from "bun:test";
import { main } from "../../scripts/teams/update_team_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0e1";
const team: Parameters<typeof main>[2] = {
  name: "Tier 2 Support",
  displayName: "Tier 2",
  icon: null,
  members: ["5f1c6a3e9d1b2c0011a0b0c1"],
  deleted: false,
};

describe("update_team_by_id", () => {
  test("sends PUT /v1/teams/{id} with the team and returns it", async () => {
    await callAndCheck(
      main,
      [ID, team],
      { method: "PUT", path: `/v1/teams/${ID}`, body: team },
      { status: 200, body: kustomerRecord("team", ID, team) },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", { name: "Tier 2 Support" }], {
      method: "PUT",
      path: "/v1/teams/acct%2F42%20%2Bvip",
      body: { name: "Tier 2 Support" },
    });
    await expectRefused(main, ["", team], "id is required");
  });

  test("name is required even when only another field changes", async () => {
    await expectRefused(main, [ID, { displayName: "Tier 2" } as never], "body.name is required");
  });
});
