import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_user_setting.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("setting", "5f1c6a3e9d1b2c0011a0b0c4", {
  app: "chat",
  category: "outbound",
  name: "sendAction",
  value: "send",
});

describe("get_user_setting", () => {
  test("sends GET /v1/users/{id}/settings/{app}/{category}/{name}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c3", "chat", "outbound", "sendAction"],
      {
        method: "GET",
        path: "/v1/users/5f1c6a3e9d1b2c0011a0b0c3/settings/chat/outbound/sendAction",
        query: {},
      },
      { status: 200, body: answer },
    );
  });

  test("each path value is percent-encoded and required", async () => {
    await callAndCheck(main, ["u/1", "my app", "a/b", "x+y"], {
      method: "GET",
      path: "/v1/users/u%2F1/settings/my%20app/a%2Fb/x%2By",
    });
    await expectRefused(main, ["", "chat", "outbound", "sendAction"], "id is required");
    await expectRefused(main, ["u1", "chat", "outbound", ""], "name is required");
  });
});
