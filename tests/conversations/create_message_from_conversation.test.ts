import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/create_message_from_conversation.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const message = {
  externalId: "zendesk-comment-9001",
  channel: "email" as const,
  app: "postmark",
  direction: "out" as const,
  subject: "Your refund for order A-1001",
  preview: "Hi Ada, your refund has been issued.",
};

describe("create_message_from_conversation", () => {
  test("sends POST /v1/conversations/{id}/messages and returns the new message", async () => {
    await callAndCheck(
      main,
      [ID, message],
      { method: "POST", path: `/v1/conversations/${ID}/messages`, body: message },
      { status: 201, body: kustomerRecord("message", "m1", { preview: message.preview }) },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", message], {
      method: "POST",
      path: "/v1/conversations/acct%2F42%20%2Bvip/messages",
      body: message,
    });
    await expectRefused(main, ["", message], "id is required");
  });

  testOfficialBody("POST", "/conversations/{id}/messages", main, [
    ID,
    { ...message, importedAt: "2024-03-01T10:00:00.000Z", custom: { csatNum: 5 } },
  ]);

  test("a missing app or an unknown channel is refused before sending", async () => {
    await expectRefused(main, [ID, { channel: "email" }], "body.app is required");
    await expectRefused(main, [ID, { ...message, channel: "fax" }], "body.channel must be one of");
  });

  test("a create is not repeated after a 500 (it may have been made)", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID, message)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
