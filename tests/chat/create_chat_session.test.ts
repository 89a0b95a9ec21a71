import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/create_chat_session.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  customerId: "5f1c6a3e9d1b2c0011a0b0d2",
  trackingId: "trk-7f3a",
};
const answer = kustomerRecord("chat_session", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_chat_session", () => {
  test("sends POST /v2.1/chat/sessions and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v2.1/chat/sessions", query: {}, body: sent },
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
      [{ ...sent, trackingId: 7 } as never],
      "body.trackingId must be a string (got 7)",
    );
  });

  test("a required field left out is refused before sending", async () => {
    await expectRefused(main, [{ trackingId: "trk-7f3a" } as never], "body.customerId is required");
  });

  test("fields the reference page does not list are sent as they are", async () => {
    await callAndCheck(main, [{ ...sent, brand: "5f1c6a3e9d1b2c0011a0b0e9" } as never], {
      method: "POST",
      path: "/v2.1/chat/sessions",
      body: { ...sent, brand: "5f1c6a3e9d1b2c0011a0b0e9" },
    });
  });
});
