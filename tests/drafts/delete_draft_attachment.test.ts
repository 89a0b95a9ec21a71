import { describe, test } from "bun:test";
import { main } from "../../scripts/drafts/delete_draft_attachment.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const draft = "5f1c6a3e9d1b2c0011a0b0e2";
const attachment = "5f1c6a3e9d1b2c0011a0b0e1";

describe("delete_draft_attachment", () => {
  test("sends DELETE /v1/drafts/{id}/attachments/{attachmentId} and returns null for the 204", async () => {
    await callAndCheck(
      main,
      [draft, attachment],
      { method: "DELETE", path: `/v1/drafts/${draft}/attachments/${attachment}`, query: {} },
      { status: 204 },
    );
  });

  test("both ids are percent-encoded", async () => {
    await callAndCheck(
      main,
      ["draft/42 +x", "file #1"],
      { method: "DELETE", path: "/v1/drafts/draft%2F42%20%2Bx/attachments/file%20%231" },
      { status: 204 },
    );
  });

  test("both ids are required", async () => {
    await expectRefused(main, ["", attachment], "id is required");
    await expectRefused(main, [draft, ""], "attachmentId is required");
  });
});
