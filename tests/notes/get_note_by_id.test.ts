import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/get_note_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const note = kustomerRecord("note", "5f1c6a3e9d1b2c0011a0b0d5", { body: "Refund approved." });

describe("get_note_by_id", () => {
  test("sends GET /v1/notes/{id} and returns the note", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0d5"],
      { method: "GET", path: "/v1/notes/5f1c6a3e9d1b2c0011a0b0d5", query: {} },
      { status: 200, body: note },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["note/42 +x"], { method: "GET", path: "/v1/notes/note%2F42%20%2Bx" });
    await expectRefused(main, [""], "id is required");
  });

  test("a 404 is reported with Kustomer's message and not retried", async () => {
    const calls = stubFetch(() =>
      jsonResponse(404, { errors: [{ code: "not_found", message: "Note not found" }] }),
    );
    await expect(main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0d9")).rejects.toThrow(
      "404 Not Found: Note not found",
    );
    expect(calls).toHaveLength(1);
  });
});
