import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/messages/update_message_attributes.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0c4";
const changes: Parameters<typeof main>[2] = {
  status: "error",
  errorAt: "2025-03-01T10:06:00.000Z",
  error: { status: 550, code: "mailbox_unavailable", title: "Mailbox unavailable" },
  sentiment: { polarity: -1, confidence: 0.7 },
  custom: { escalatedBool: true },
};

describe("update_message_attributes", () => {
  test("sends PATCH /v1/messages/{id} with only the fields set", async () => {
    const updated = kustomerRecord("message", id, { status: "error" });
    await callAndCheck(
      main,
      [id, { ...changes, preview: "", lang: null }],
      { method: "PATCH", path: `/v1/messages/${id}`, query: {}, body: { ...changes, lang: null } },
      { status: 200, body: updated },
    );
  });

  testOfficialBody("PATCH", "/messages/{id}", main, [id, changes]);

  test("the id is encoded and required; invalid values are refused", async () => {
    await callAndCheck(main, ["msg/42 +x", { subject: "Hi" }], {
      method: "PATCH",
      path: "/v1/messages/msg%2F42%20%2Bx",
      body: { subject: "Hi" },
    });
    await expectRefused(main, ["", changes], "id is required");
    await expectRefused(
      main,
      [id, { sentiment: { polarity: 2, confidence: 0.5 } }],
      "body.sentiment.polarity must be one of -1, 0, 1",
    );
    await expectRefused(
      main,
      [id, { custom: { tier: "gold" } }],
      "body.custom.tier must end in a type suffix",
    );
  });

  test("a PATCH is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, id, { status: "sent" })).rejects.toMatchObject({
      code: "network_error",
    });
    expect(calls).toHaveLength(1);
  });
});
