import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/create_outbound_chat_message.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  customerId: "5f1c6a3e9d1b2c0011a0b0d2",
  from: "5f1c6a3e9d1b2c0011a0b0e5",
  session: "5f1c6a3e9d1b2c0011a0b0c7",
  body: "It ships today.",
  auto: false,
};
const answer = kustomerRecord("message", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_outbound_chat_message", () => {
  test("sends POST /v2.1/chat/outbound/messages and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v2.1/chat/outbound/messages", query: {}, body: sent },
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
      [{ ...sent, auto: "no" } as never],
      'body.auto must be true or false (got "no")',
    );
  });

  test("a required field left out is refused before sending", async () => {
    await expectRefused(main, [{ ...sent, from: undefined } as never], "body.from is required");
  });

  test("fields the reference page does not list are sent as they are", async () => {
    await callAndCheck(main, [{ ...sent, lang: "en_us" } as never], {
      method: "POST",
      path: "/v2.1/chat/outbound/messages",
      body: { ...sent, lang: "en_us" },
    });
  });
});
