import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_work_sessions.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "work_session",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { routable: true, statusType: "available", workItemCount: 2 },
    },
  ],
  links: { next: null },
};

describe("get_work_sessions", () => {
  test("sends GET /v1/routing/work-sessions with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/routing/work-sessions", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/routing/work-sessions", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
