import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/create_forward_by_conversation.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const forward = {
  channel: "email" as const,
  to: [{ email: "ada+vip@example.com", name: "Ada Lovelace" }],
  subject: "Fwd: Refund for order A-1001",
  body: "Forwarding the full thread for your review.",
  sendAt: "2026-05-01T09:00:00.000Z",
};

describe("create_forward_by_conversation", () => {
  test("sends POST /v1/conversations/{id}/forwards and returns the forward", async () => {
    await callAndCheck(
      main,
      [ID, forward],
      { method: "POST", path: `/v1/conversations/${ID}/forwards`, body: forward },
      { status: 200, body: kustomerRecord("forward", "fw1", { status: "draft" }) },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", { channel: "email" }], {
      method: "POST",
      path: "/v1/conversations/acct%2F42%20%2Bvip/forwards",
      body: { channel: "email" },
    });
    await expectRefused(main, ["", forward], "id is required");
  });

  testOfficialBody("POST", "/conversations/{id}/forwards", main, [
    ID,
    { ...forward, app: "postmark", from: { email: "support@example.com", name: "Support" } },
  ]);

  test("a missing channel or an unknown app is refused before sending", async () => {
    await expectRefused(main, [ID, { to: forward.to }], "body.channel is required");
    await expectRefused(
      main,
      [ID, { ...forward, app: "sendgrid" }],
      'body.app must be one of "gmail", "postmark" (got "sendgrid")',
    );
  });

  test("a forward is not repeated after a network error (it may have been sent)", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, ID, forward)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
