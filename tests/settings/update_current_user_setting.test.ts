import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/update_current_user_setting.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The page names no body field, so the body goes through as sent.
const sent: Parameters<typeof main>[4] = { value: "newline" };
const answer = kustomerRecord("setting", "5f1c6a3e9d1b2c0011a0b0c4", sent);

describe("update_current_user_setting", () => {
  test("sends PUT /v1/users/current/settings/{app}/{category}/{name} and the body", async () => {
    await callAndCheck(
      main,
      ["chat", "outbound", "sendAction", sent],
      {
        method: "PUT",
        path: "/v1/users/current/settings/chat/outbound/sendAction",
        query: {},
        body: sent,
      },
      { status: 200, body: answer },
    );
  });

  test("the path values are required", async () => {
    await expectRefused(main, ["", "outbound", "sendAction", sent], "app is required");
    await expectRefused(main, ["chat", "", "sendAction", sent], "category is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["chat", "outbound", "sendAction", "newline" as never],
      "body must be an object",
    );
  });
});
