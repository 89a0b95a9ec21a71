import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/update_work_session_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The page names no body fields, so the body goes through exactly as given.
const sent: Parameters<typeof main>[2] = { status: "5f1c6a3e9d1b2c0011a0b0d9" };
const answer = kustomerRecord("work_session", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("update_work_session_by_id", () => {
  test("sends PUT /v1/routing/work-sessions/{id} and the body as given", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", sent],
      {
        method: "PUT",
        path: "/v1/routing/work-sessions/5f1c6a3e9d1b2c0011a0b0c7",
        query: {},
        body: sent,
      },
      { status: 200, body: answer },
    );
  });

  test("the id is required; the body must be an object", async () => {
    await expectRefused(main, ["", sent], "id is required");
    await expectRefused(
      main,
      ["ws1", ["available"] as never],
      "body must be an object (got a list)",
    );
  });
});
