import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/drafts/update_draft.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0e2";
const path = `/v1/drafts/${id}`;
const user = "5f1c6a3e9d1b2c0011a0b0a1";
// One valid body per channel shape of the union (the form shows the first, email).
const bodies: { [channel: string]: unknown } = {
  email: {
    channel: "email",
    app: "gmail",
    to: [{ email: "ada+vip@example.com", name: "Ada Lovelace" }],
    from: { email: "support@acme.io", name: "Acme Support" },
    subject: "Your refund",
    body: "Hi Ada, your refund is on its way.",
    sendAt: "2025-03-02T09:00:00.000Z",
  },
  sms: { channel: "sms", app: "twilio", to: "+14155550100", body: "Your refund is on its way." },
  whatsapp: { channel: "whatsapp", app: "twilio_whatsapp", to: "+14155550100", body: "Hi Ada!" },
  chat: {
    channel: "chat",
    app: "chat",
    body: "Did that solve it?",
    responseButtons: [{ label: "Yes", value: "yes" }],
  },
  facebook: { channel: "facebook", body: "Thanks for your message!", sendAt: null },
  "twitter-tweet": { channel: "twitter-tweet", body: "@ada thanks, we are on it." },
  "twitter-dm": { channel: "twitter-dm", body: "Could you send us your order number?" },
  note: { channel: "note", body: "Waiting for the warehouse.", userMentions: [{ user }] },
  instagram: { channel: "instagram", body: "Hi Ada, happy to help." },
};

describe("update_draft", () => {
  for (const [channel, body] of Object.entries(bodies)) {
    test(`the ${channel} shape is sent as PUT /v1/drafts/{id}`, async () => {
      const updated = kustomerRecord("draft", id, { channel });
      await callAndCheck(
        main,
        [id, body],
        { method: "PUT", path, query: {}, body },
        { status: 200, body: updated },
      );
    });
    testOfficialBody("PUT", "/drafts/{id}", main, [id, body], `the ${channel} shape`);
  }

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["draft/42 +x", bodies.note], {
      method: "PUT",
      path: "/v1/drafts/draft%2F42%20%2Bx",
      body: bodies.note,
    });
    await expectRefused(main, ["", bodies.email], "id is required");
  });

  test("a body that fits no channel's shape is refused", async () => {
    const noShape = "body does not match any of the 9 shapes Kustomer accepts here";
    await expectRefused(main, [id, { channel: "fax", body: "Hi" }], noShape);
    await expectRefused(main, [id, { channel: "whatsapp", body: "Hi" }], noShape);
    await expectRefused(main, [id, { channel: "sms", body: "x".repeat(1601) }], noShape);
    await expectRefused(main, [id, { channel: "sms", subject: "SMS have none" }], noShape);
  });

  test("a 500 is retried: a PUT is safe to repeat", async () => {
    const updated = kustomerRecord("draft", id, { channel: "sms" });
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, updated),
    );
    expect(await main(TEST_AUTH, id, bodies.sms as never)).toEqual(updated);
    expect(calls).toHaveLength(2);
  });
});
