import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/create_chat_session_via_handoff.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  customerId: "5f1c6a3e9d1b2c0011a0b0d2",
  from: "5f1c6a3e9d1b2c0011a0b0e5",
  externalId: "bot-thread-77",
  active: false,
  messages: [
    { direction: "in", body: "Where is my order?", createdAt: "2024-05-02T10:00:00.000Z" },
    { direction: "out", body: "It ships today.", createdAt: "2024-05-02T10:00:05.000Z" },
  ],
};
const answer = kustomerRecord("chat_session", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_chat_session_via_handoff", () => {
  test("sends POST /v2.1/chat/handoff and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v2.1/chat/handoff", query: {}, body: sent },
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

  test("a documented field of the wrong type is refused before sending", async () => {
    await expectRefused(
      main,
      [{ ...sent, messages: ["hello"] } as never],
      "body.messages has 1 items; pass at least 2",
    );
  });

  test("a required field left out is refused before sending", async () => {
    await expectRefused(
      main,
      [{ ...sent, customerId: undefined } as never],
      "body.customerId is required",
    );
  });

  test("fields the reference page does not list are sent as they are", async () => {
    await callAndCheck(main, [{ ...sent, locale: "en" } as never], {
      method: "POST",
      path: "/v2.1/chat/handoff",
      body: { ...sent, locale: "en" },
    });
  });
});
