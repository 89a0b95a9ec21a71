import { describe, test } from "bun:test";
import { main } from "../../scripts/forwards/get_forward_attachment.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const forward = "5f1c6a3e9d1b2c0011a0b0e3";
const attachment = "5f1c6a3e9d1b2c0011a0b0e4";
const record = {
  data: { type: "attachment", id: attachment, attributes: { name: "invoice-123.pdf" } },
  links: {
    related:
      "https://downloads.example-bucket.s3.amazonaws.com/invoice-123.pdf?X-Amz-Signature=abc",
  },
};

describe("get_forward_attachment", () => {
  test("sends GET /v1/forwards/{id}/attachments/{attachmentId} and returns the record", async () => {
    await callAndCheck(
      main,
      [forward, attachment],
      { method: "GET", path: `/v1/forwards/${forward}/attachments/${attachment}`, query: {} },
      { status: 200, body: record },
    );
  });

  test("both ids are percent-encoded and required", async () => {
    await callAndCheck(main, ["fwd/42 +x", "file #1"], {
      method: "GET",
      path: "/v1/forwards/fwd%2F42%20%2Bx/attachments/file%20%231",
    });
    await expectRefused(main, ["", attachment], "id is required");
    await expectRefused(main, [forward, ""], "attachmentId is required");
  });
});
