import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/update_note_attributes_by_id.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0d5";
const changes: Parameters<typeof main>[2] = {
  body: "Refund approved and sent (#R-123).",
  userMentions: [{ team: "5f1c6a3e9d1b2c0011a0b0a2" }],
  externalId: null,
};

describe("update_note_attributes_by_id", () => {
  test("sends PATCH /v1/notes/{id} with only the fields set", async () => {
    const updated = kustomerRecord("note", id, { body: changes.body });
    await callAndCheck(
      main,
      [id, { ...changes, lang: "" }],
      { method: "PATCH", path: `/v1/notes/${id}`, query: {}, body: changes },
      { status: 200, body: updated },
    );
  });

  testOfficialBody("PATCH", "/notes/{id}", main, [id, { ...changes, deleted: false }]);

  test("the id is encoded and required; a wrong type is refused", async () => {
    await callAndCheck(main, ["note/42 +x", { deleted: true }], {
      method: "PATCH",
      path: "/v1/notes/note%2F42%20%2Bx",
      body: { deleted: true },
    });
    await expectRefused(main, ["", changes], "id is required");
    await expectRefused(
      main,
      [id, { deleted: "yes" }],
      "body.deleted must be true or false or null",
    );
  });

  test("a PATCH is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, id, changes)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
