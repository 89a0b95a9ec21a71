import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/delete_note_by_id.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("delete_note_by_id", () => {
  test("sends DELETE /v1/notes/{id} and returns null for Kustomer's 204", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0d5"],
      { method: "DELETE", path: "/v1/notes/5f1c6a3e9d1b2c0011a0b0d5", query: {} },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["note/42 +x"],
      { method: "DELETE", path: "/v1/notes/note%2F42%20%2Bx" },
      { status: 204 },
    );
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 is retried: deleting again has the same effect", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0d5")).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
