import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_work_session_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("work_session", "5f1c6a3e9d1b2c0011a0b0c7", {
  active: true,
  statusType: "available",
  capacityRemaining: 2,
});

describe("get_work_session_by_id", () => {
  test("sends GET /v1/routing/work-sessions/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: "/v1/routing/work-sessions/5f1c6a3e9d1b2c0011a0b0c7", query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["ws/1 +a"], {
      method: "GET",
      path: "/v1/routing/work-sessions/ws%2F1%20%2Ba",
    });
    await expectRefused(main, [""], "id is required");
  });
});
