import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/set_chat_settings.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = { greeting: "Hi! How can we help?", enabled: true };
const answer = kustomerRecord("chat_setting", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("set_chat_settings", () => {
  test("sends PATCH /v1/chat/settings and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "PATCH", path: "/v1/chat/settings", query: {}, body: sent },
      { status: 200, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      [["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
