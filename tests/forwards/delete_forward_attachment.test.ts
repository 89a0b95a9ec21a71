import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/forwards/delete_forward_attachment.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const forward = "5f1c6a3e9d1b2c0011a0b0e3";
const attachment = "5f1c6a3e9d1b2c0011a0b0e4";

describe("delete_forward_attachment", () => {
  test("sends DELETE /v1/forwards/{id}/attachments/{attachmentId} and returns null for the 204", async () => {
    await callAndCheck(
      main,
      [forward, attachment],
      { method: "DELETE", path: `/v1/forwards/${forward}/attachments/${attachment}`, query: {} },
      { status: 204 },
    );
  });

  test("both ids are percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["fwd/42 +x", "file #1"],
      { method: "DELETE", path: "/v1/forwards/fwd%2F42%20%2Bx/attachments/file%20%231" },
      { status: 204 },
    );
    await expectRefused(main, ["", attachment], "id is required");
    await expectRefused(main, [forward, ""], "attachmentId is required");
  });

  test("a 502 is retried: deleting again has the same effect", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(502, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, forward, attachment)).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
