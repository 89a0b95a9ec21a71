import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_notifications_logs_settings.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("notifications_logs_setting", "5f1c6a3e9d1b2c0011a0b0c7", {
  createdAt: "2024-05-02T10:00:00.000Z",
  updatedAt: "2024-05-02T10:00:00.000Z",
});

describe("get_notifications_logs_settings", () => {
  test("sends GET /v1/notifications/logs/settings", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/notifications/logs/settings", query: {} },
      { status: 200, body: answer },
    );
  });
});
