import { describe, test } from "bun:test";
import { main } from "../../scripts/drafts/get_draft_attachment.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const draft = "5f1c6a3e9d1b2c0011a0b0e2";
const attachment = "5f1c6a3e9d1b2c0011a0b0e1";
const record = {
  data: { type: "attachment", id: attachment, attributes: { name: "receipt.pdf" } },
  links: {
    related: "https://downloads.example-bucket.s3.amazonaws.com/receipt.pdf?X-Amz-Signature=abc",
  },
};

describe("get_draft_attachment", () => {
  test("sends GET /v1/drafts/{id}/attachments/{attachmentId} and returns the record", async () => {
    await callAndCheck(
      main,
      [draft, attachment],
      { method: "GET", path: `/v1/drafts/${draft}/attachments/${attachment}`, query: {} },
      { status: 200, body: record },
    );
  });

  test("both ids are percent-encoded and required", async () => {
    await callAndCheck(main, ["draft/42 +x", "file #1"], {
      method: "GET",
      path: "/v1/drafts/draft%2F42%20%2Bx/attachments/file%20%231",
    });
    await expectRefused(main, ["", attachment], "id is required");
    await expectRefused(main, [draft, ""], "attachmentId is required");
  });
});
