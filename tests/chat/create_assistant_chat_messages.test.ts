import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/create_assistant_chat_messages.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  customerId: "5f1c6a3e9d1b2c0011a0b0d2",
  session: "5f1c6a3e9d1b2c0011a0b0c7",
  messages: [{ body: "Hi! I can help with orders." }],
};
const answer = kustomerRecord("message", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_assistant_chat_messages", () => {
  test("sends POST /v2.1/chat/outbound/assistant/messages and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v2.1/chat/outbound/assistant/messages", query: {}, body: sent },
      { status: 201, body: answer },
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
