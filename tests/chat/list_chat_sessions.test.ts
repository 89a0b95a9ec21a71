import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/list_chat_sessions.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "chat_session",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "Chat with Ada", active: true },
    },
  ],
  links: { next: null },
};

describe("list_chat_sessions", () => {
  test("sends GET /v2.1/chat/sessions with customerId and trackingId and active and brandId and page and pageSize", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0d2", "trk-7f3a", true, "5f1c6a3e9d1b2c0011a0b0e5", 2, 50],
      {
        method: "GET",
        path: "/v2.1/chat/sessions",
        query: {
          customerId: "5f1c6a3e9d1b2c0011a0b0d2",
          trackingId: "trk-7f3a",
          active: "true",
          brandId: "5f1c6a3e9d1b2c0011a0b0e5",
          page: "2",
          pageSize: "50",
        },
      },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v2.1/chat/sessions", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(
      main,
      [undefined, undefined, undefined, undefined, 0],
      "page must be at least 1",
    );
  });
});
