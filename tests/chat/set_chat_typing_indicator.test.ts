import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/set_chat_typing_indicator.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  customerId: "5f1c6a3e9d1b2c0011a0b0d2",
  from: "5f1c6a3e9d1b2c0011a0b0e5",
  session: "5f1c6a3e9d1b2c0011a0b0c7",
  typing: true,
};
const answer = kustomerRecord("chat_typing", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("set_chat_typing_indicator", () => {
  test("sends POST /v2.1/chat/outbound/typing and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v2.1/chat/outbound/typing", query: {}, body: sent },
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
      [{ ...sent, typing: "yes" } as never],
      'body.typing must be true or false (got "yes")',
    );
  });

  test("a required field left out is refused before sending", async () => {
    await expectRefused(
      main,
      [{ ...sent, session: undefined } as never],
      "body.session is required",
    );
  });
});
