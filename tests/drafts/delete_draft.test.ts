import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/drafts/delete_draft.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("delete_draft", () => {
  test("sends DELETE /v1/drafts/{id} and returns null for Kustomer's 204", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0e2"],
      { method: "DELETE", path: "/v1/drafts/5f1c6a3e9d1b2c0011a0b0e2", query: {} },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["draft/42 +x"],
      { method: "DELETE", path: "/v1/drafts/draft%2F42%20%2Bx" },
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
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0e2")).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
