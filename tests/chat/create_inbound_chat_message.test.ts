import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/create_inbound_chat_message.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  customerId: "5f1c6a3e9d1b2c0011a0b0d2",
  session: "5f1c6a3e9d1b2c0011a0b0c7",
  body: "Is my order on its way?",
};
const answer = kustomerRecord("message", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_inbound_chat_message", () => {
  test("sends POST /v2.1/chat/messages and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v2.1/chat/messages", query: {}, body: sent },
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
      [{ ...sent, body: 42 } as never],
      "body.body must be a string (got 42)",
    );
  });

  test("a required field left out is refused before sending", async () => {
    await expectRefused(
      main,
      [{ session: "5f1c6a3e9d1b2c0011a0b0c7" } as never],
      "body.customerId is required",
    );
  });

  test("fields the reference page does not list are sent as they are", async () => {
    await callAndCheck(main, [{ ...sent, meta: { source: "bridge" } } as never], {
      method: "POST",
      path: "/v2.1/chat/messages",
      body: { ...sent, meta: { source: "bridge" } },
    });
  });
});
