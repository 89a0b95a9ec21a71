import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/get_messages_by_conversation.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const page = {
  data: [{ type: "message", id: "5f1c6a3e9d1b2c0011a0b0d9", attributes: {} }],
  meta: { page: 2, pageSize: 50 },
  links: { next: null },
};

describe("get_messages_by_conversation", () => {
  test("sends GET /v1/conversations/{id}/messages with page, pageSize and include", async () => {
    await callAndCheck(
      main,
      [ID, 2, 50, "attachments"],
      {
        method: "GET",
        path: `/v1/conversations/${ID}/messages`,
        query: { page: "2", pageSize: "50", include: "attachments" },
      },
      { status: 200, body: page },
    );
  });

  test("optional values left out are not sent", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/conversations/${ID}/messages`, query: {} },
      { status: 200, body: page },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/conversations/acct%2F42%20%2Bvip/messages",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, page),
    );
    expect(await main(TEST_AUTH, ID)).toEqual(page);
    expect(calls).toHaveLength(2);
  });
});
