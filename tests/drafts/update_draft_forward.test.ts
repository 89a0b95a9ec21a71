import { describe, test } from "bun:test";
import { main } from "../../scripts/drafts/update_draft_forward.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0e3";
const forward: Parameters<typeof main>[2] = {
  to: [{ email: "billing+eu@example.com", name: "Billing" }],
  from: { email: "support@acme.io" },
  subject: "Fwd: Where is my order?",
  body: "Forwarding Ada's question about order #123.",
  sendAt: "2025-03-02T09:00:00.000Z",
  attachments: [
    {
      id: "5f1c6a3e9d1b2c0011a0b0e1",
      name: "receipt.pdf",
      contentType: "application/pdf",
      contentLength: 48213,
    },
  ],
};

describe("update_draft_forward", () => {
  test("sends PUT /v1/forwards/{id} with the fields set and returns the forward", async () => {
    const updated = kustomerRecord("forward", id, { status: "draft" });
    await callAndCheck(
      main,
      [id, { ...forward, replyTo: "" }],
      { method: "PUT", path: `/v1/forwards/${id}`, query: {}, body: forward },
      { status: 200, body: updated },
    );
  });

  testOfficialBody("PUT", "/forwards/{id}", main, [id, forward]);

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["fwd/42 +x", { subject: "Fwd: refund" }], {
      method: "PUT",
      path: "/v1/forwards/fwd%2F42%20%2Bx",
      body: { subject: "Fwd: refund" },
    });
    await expectRefused(main, ["", forward], "id is required");
  });

  test("an unknown status and a recipient without an email are refused", async () => {
    await expectRefused(
      main,
      [id, { status: "queued" }],
      'body.status must be one of "draft", "sent", "failed"',
    );
    await expectRefused(main, [id, { to: [{ name: "Billing" }] }], "body.to[0].email is required");
  });
});
