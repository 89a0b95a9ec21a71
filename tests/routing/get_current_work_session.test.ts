import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_current_work_session.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("work_session", "5f1c6a3e9d1b2c0011a0b0c7", {
  routable: true,
  statusType: "available",
  workItemCount: 2,
});

describe("get_current_work_session", () => {
  test("sends GET /v1/routing/work-sessions/current", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/routing/work-sessions/current", query: {} },
      { status: 200, body: answer },
    );
  });
});
