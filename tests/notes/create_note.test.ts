import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/create_note.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const note: Parameters<typeof main>[1] = {
  externalId: "crm-note-77",
  body: "Called Ada: the replacement ships on Monday. @Grace please follow up.",
  userMentions: [{ user: "5f1c6a3e9d1b2c0011a0b0a1" }, { team: "5f1c6a3e9d1b2c0011a0b0a2" }],
  lang: "en",
};

describe("create_note", () => {
  test("sends POST /v1/notes and returns the new note", async () => {
    const created = kustomerRecord("note", "5f1c6a3e9d1b2c0011a0b0d5", { body: note.body });
    await callAndCheck(
      main,
      [note],
      { method: "POST", path: "/v1/notes", query: {}, body: note },
      { status: 201, body: created },
    );
  });

  testOfficialBody("POST", "/notes", main, [note]);

  test("the text is required and at most 10,240 characters; this body has no conversation", async () => {
    await expectRefused(main, [{ externalId: "crm-note-78" }], "body.body is required");
    await expectRefused(main, [{ body: "x".repeat(10_241) }], "at most 10240 allowed");
    await expectRefused(
      main,
      [{ body: "Hi", conversation: "5f1c6a3e9d1b2c0011a0b0c3" }],
      "body.conversation is not a field Kustomer accepts here",
    );
  });

  test("a 500 is not retried: the note may have been created", async () => {
    const calls = stubFetch(() => new Response("oops", { status: 500 }));
    await expect(main(TEST_AUTH, note)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
