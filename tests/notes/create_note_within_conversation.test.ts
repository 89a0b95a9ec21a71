import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/create_note_within_conversation.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const conversation = "5f1c6a3e9d1b2c0011a0b0c3";
const note: Parameters<typeof main>[2] = {
  body: "Refund approved by @Grace; waiting for the warehouse.",
  externalId: "crm-note-79",
  userMentions: [{ user: "5f1c6a3e9d1b2c0011a0b0a1" }],
  attachments: [
    {
      _id: "5f1c6a3e9d1b2c0011a0b0e1",
      name: "receipt.pdf",
      contentType: "application/pdf",
      contentLength: 48213,
    },
  ],
};

describe("create_note_within_conversation", () => {
  test("sends POST /v1/conversations/{id}/notes and returns the new note", async () => {
    const created = kustomerRecord("note", "5f1c6a3e9d1b2c0011a0b0d5", { body: note.body });
    await callAndCheck(
      main,
      [conversation, note],
      { method: "POST", path: `/v1/conversations/${conversation}/notes`, query: {}, body: note },
      { status: 201, body: created },
    );
  });

  testOfficialBody("POST", "/conversations/{id}/notes", main, [conversation, note]);

  test("the conversation id is percent-encoded and required", async () => {
    await callAndCheck(main, ["conv/42 +x", { body: "Hi" }], {
      method: "POST",
      path: "/v1/conversations/conv%2F42%20%2Bx/notes",
      body: { body: "Hi" },
    });
    await expectRefused(main, ["", note], "id is required");
  });

  test("the text is required; attachments need their name, type and size", async () => {
    await expectRefused(
      main,
      [conversation, { externalId: "crm-note-80" }],
      "body.body is required",
    );
    await expectRefused(
      main,
      [conversation, { body: "See file", attachments: [{ _id: "5f1c6a3e9d1b2c0011a0b0e1" }] }],
      "body.attachments[0].name is required",
    );
  });

  test("a 500 is not retried: the note may have been created", async () => {
    const calls = stubFetch(() => new Response("oops", { status: 500 }));
    await expect(main(TEST_AUTH, conversation, note)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
