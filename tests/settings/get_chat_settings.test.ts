import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_chat_settings.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("chat_setting", "5f1c6a3e9d1b2c0011a0b0c7", {
  teamName: "Acme Support",
  greeting: "Hi! How can we help?",
  autoreply: "We will be right with you.",
});

describe("get_chat_settings", () => {
  test("sends GET /v1/chat/settings", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/chat/settings", query: {} },
      { status: 200, body: answer },
    );
  });
});
