import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/messages/create_message.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const message: Parameters<typeof main>[1] = {
  externalId: "zendesk-msg-42",
  customer: "5f1c6a3e9d1b2c0011a0b0c2",
  conversation: "5f1c6a3e9d1b2c0011a0b0c3",
  channel: "email",
  app: "gmail",
  direction: "in",
  subject: "Where is my order?",
  preview: "Hi, order #123 has not arrived yet.",
  status: "received",
  sentAt: "2025-03-01T10:00:00.000Z",
  meta: { from: "ada+vip@example.com", to: [{ email: "support@acme.io" }] },
  custom: { orderIdStr: "123" },
};
const created = {
  data: { type: "message", id: "5f1c6a3e9d1b2c0011a0b0c4", attributes: { channel: "email" } },
};

describe("create_message", () => {
  test("sends POST /v1/messages with the message and returns the new record", async () => {
    await callAndCheck(
      main,
      [message],
      { method: "POST", path: "/v1/messages", query: {}, body: message },
      { status: 201, body: created },
    );
  });

  testOfficialBody("POST", "/messages", main, [message]);

  test("channel, app and direction are required; channel must be a known one", async () => {
    await expectRefused(main, [{ channel: "email", app: "gmail" }], "body.direction is required");
    await expectRefused(
      main,
      [{ ...message, channel: "fax" }],
      'body.channel must be one of "email", "sms", "chat"',
    );
  });

  test("a 500 is not retried: the message may have been recorded", async () => {
    const calls = stubFetch(() => new Response("oops", { status: 500 }));
    await expect(main(TEST_AUTH, message)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
