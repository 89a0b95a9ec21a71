import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_work_sessions_by_user_id.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "work_sessions_by_user_id",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { statusType: "available", capacityRemaining: 2 },
    },
  ],
  links: { next: null },
};

describe("get_work_sessions_by_user_id", () => {
  test("sends GET /v1/routing/users/{id}/work-sessions with page and pageSize", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", 2, 50],
      {
        method: "GET",
        path: `/v1/routing/users/5f1c6a3e9d1b2c0011a0b0c7/work-sessions`,
        query: { page: "2", pageSize: "50" },
      },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      {
        method: "GET",
        path: `/v1/routing/users/5f1c6a3e9d1b2c0011a0b0c7/work-sessions`,
        query: {},
      },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, ["5f1c6a3e9d1b2c0011a0b0c7", 0], "page must be at least 1");
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/routing/users/acct%2F42%20%2Bvip/work-sessions",
    });
    await expectRefused(main, [""], "id is required");
  });
});
