import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/update_note_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0d5";
const note: Parameters<typeof main>[3] = {
  conversation: "5f1c6a3e9d1b2c0011a0b0c3",
  body: "Refund approved and sent (#R-123).",
  externalId: "crm-note-77",
  lang: null,
};
const updated = kustomerRecord("note", id, { body: note.body });

describe("update_note_by_id", () => {
  test("without replace, PUT /v1/notes/{id} is sent with no query (it then acts like PATCH)", async () => {
    await callAndCheck(
      main,
      [id, undefined, note],
      { method: "PUT", path: `/v1/notes/${id}`, query: {}, body: note },
      { status: 200, body: updated },
    );
  });

  test("replace=true is sent as a query value, asking for the whole note to be replaced", async () => {
    await callAndCheck(
      main,
      [id, true, note],
      { method: "PUT", path: `/v1/notes/${id}`, query: { replace: "true" }, body: note },
      { status: 200, body: updated },
    );
  });

  testOfficialBody("PUT", "/notes/{id}", main, [id, true, note]);

  test("the id is encoded and required; conversation and body are required by the spec", async () => {
    await callAndCheck(main, ["note/42 +x", undefined, note], {
      method: "PUT",
      path: "/v1/notes/note%2F42%20%2Bx",
      body: note,
    });
    await expectRefused(main, ["", undefined, note], "id is required");
    await expectRefused(main, [id, undefined, { body: "Hi" }], "body.conversation is required");
  });

  test("a 503 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(200, updated),
    );
    expect(await main(TEST_AUTH, id, true, note)).toEqual(updated);
    expect(calls).toHaveLength(2);
  });
});
