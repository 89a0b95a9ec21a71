import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_current_user_settings.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("user_setting", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "timezone",
  value: "America/New_York",
});

describe("get_current_user_settings", () => {
  test("sends GET /v1/users/current/settings", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/users/current/settings", query: {} },
      { status: 200, body: answer },
    );
  });
});
