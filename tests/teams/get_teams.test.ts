import { describe, test } from "bun:test";
import { main } from "../../scripts/teams/get_teams.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = {
  data: [
    {
      type: "team",
      id: "5f1c6a3e9d1b2c0011a0b0e1",
      attributes: { name: "Tier 2 Support", members: ["5f1c6a3e9d1b2c0011a0b0c1"] },
    },
  ],
  links: { next: "/v1/teams?page=3&pageSize=500" },
};

describe("get_teams", () => {
  test("sends GET /v1/teams with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 500],
      { method: "GET", path: "/v1/teams", query: { page: "2", pageSize: "500" } },
      { status: 200, body: page },
    );
  });

  test("without page values no query is sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/teams", query: {} });
  });

  test("a pageSize below 1 is refused", async () => {
    await expectRefused(main, [1, 0], "pageSize must be at least 1");
  });
});
