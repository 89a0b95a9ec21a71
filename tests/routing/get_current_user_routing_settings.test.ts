import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_current_user_routing_settings.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("current_user_routing_setting", "5f1c6a3e9d1b2c0011a0b0c7", {
  updatedAt: "2024-05-02T10:00:00.000Z",
  createdAt: "2024-05-02T10:00:00.000Z",
  modifiedAt: "2024-05-02T10:00:00.000Z",
});

describe("get_current_user_routing_settings", () => {
  test("sends GET /v1/routing/users/current/settings", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/routing/users/current/settings", query: {} },
      { status: 200, body: answer },
    );
  });
});
