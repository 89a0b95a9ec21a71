import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/list_chat_session_messages.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "chat_session_message",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { direction: "in", preview: "Is my order on its way?" },
    },
  ],
  links: { next: null },
};

describe("list_chat_session_messages", () => {
  test("sends GET /v2.1/chat/sessions/{id}/messages with page and pageSize", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", 2, 50],
      {
        method: "GET",
        path: `/v2.1/chat/sessions/5f1c6a3e9d1b2c0011a0b0c7/messages`,
        query: { page: "2", pageSize: "50" },
      },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v2.1/chat/sessions/5f1c6a3e9d1b2c0011a0b0c7/messages`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, ["5f1c6a3e9d1b2c0011a0b0c7", 0], "page must be at least 1");
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v2.1/chat/sessions/acct%2F42%20%2Bvip/messages",
    });
    await expectRefused(main, [""], "id is required");
  });
});
