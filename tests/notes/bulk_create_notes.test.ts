import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/bulk_create_notes.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0f4", attributes: { status: "queued" } },
};
const note = (index: number): Parameters<typeof main>[1][number] => ({
  _clientRef: `row-${index}`,
  externalId: `zendesk-note-${index}`,
  conversation: "5f1c6a3e9d1b2c0011a0b0c3",
  body: `Imported note ${index}: customer asked for a refund.`,
  importedAt: "2026-11-22T00:00:00.000Z",
});
const notes = [note(1), { ...note(2), userMentions: [{ user: "5f1c6a3e9d1b2c0011a0b0a1" }] }];

describe("bulk_create_notes", () => {
  test("sends POST /v1/notes/bulk with the array and returns the bulk operation", async () => {
    await callAndCheck(
      main,
      [notes],
      { method: "POST", path: "/v1/notes/bulk", query: {}, body: notes },
      { status: 201, body: queued },
    );
  });

  testOfficialBody("POST", "/notes/bulk", main, [notes]);

  test("every note needs a conversation and a body", async () => {
    await expectRefused(main, [[{ body: "No conversation" }]], "body[0].conversation is required");
    await expectRefused(
      main,
      [[note(1), { conversation: "5f1c6a3e9d1b2c0011a0b0c3" }]],
      "body[1].body is required",
    );
  });

  test("101 notes are refused before sending, with advice to send chunks of 100", async () => {
    const many = Array.from({ length: 101 }, (_, index) => note(index));
    await expectRefused(
      main,
      [many],
      "body has 101 items; Kustomer takes at most 100 per bulk request: split the list into chunks of 100",
    );
  });

  test("a network error is not retried: the notes may have been queued", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, notes)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
