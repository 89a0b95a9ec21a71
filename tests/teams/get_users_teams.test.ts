import { describe, test } from "bun:test";
import { main } from "../../scripts/teams/get_users_teams.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const USER = "5f1c6a3e9d1b2c0011a0b0c1";
const page = {
  data: [{ type: "team", id: "5f1c6a3e9d1b2c0011a0b0e1", attributes: { name: "Tier 2 Support" } }],
  links: { next: null },
};

describe("get_users_teams", () => {
  test("sends GET /v1/users/{id}/teams with page and pageSize", async () => {
    await callAndCheck(
      main,
      [USER, 1, 100],
      { method: "GET", path: `/v1/users/${USER}/teams`, query: { page: "1", pageSize: "100" } },
      { status: 200, body: page },
    );
  });

  test("without page values no query is sent", async () => {
    await callAndCheck(main, [USER], { method: "GET", path: `/v1/users/${USER}/teams`, query: {} });
  });

  test("the user id is percent-encoded and required", async () => {
    await callAndCheck(main, ["ada+vip@example.com"], {
      method: "GET",
      path: "/v1/users/ada%2Bvip%40example.com/teams",
    });
    await expectRefused(main, [""], "id is required");
  });
});
