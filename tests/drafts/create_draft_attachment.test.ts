import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/drafts/create_draft_attachment.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const draft = "5f1c6a3e9d1b2c0011a0b0e2";
const file = { name: "receipt.pdf", contentType: "application/pdf", contentLength: 48213 };
const created = {
  data: { type: "attachment", id: "5f1c6a3e9d1b2c0011a0b0e1", attributes: file },
  links: {
    related: "https://uploads.example-bucket.s3.amazonaws.com/receipt.pdf?X-Amz-Signature=abc",
  },
};

describe("create_draft_attachment", () => {
  test("sends POST /v1/drafts/{id}/attachments and returns the record with its upload link", async () => {
    await callAndCheck(
      main,
      [draft, file],
      { method: "POST", path: `/v1/drafts/${draft}/attachments`, query: {}, body: file },
      { status: 200, body: created },
    );
  });

  testOfficialBody("POST", "/drafts/{id}/attachments", main, [draft, file]);

  test("the draft id is percent-encoded and required", async () => {
    await callAndCheck(main, ["draft/42 +x", file], {
      method: "POST",
      path: "/v1/drafts/draft%2F42%20%2Bx/attachments",
      body: file,
    });
    await expectRefused(main, ["", file], "id is required");
  });

  test("name, contentType and contentLength are all required", async () => {
    await expectRefused(
      main,
      [draft, { name: "receipt.pdf", contentType: "application/pdf" }],
      "body.contentLength is required",
    );
  });

  test("a 500 is not retried: the attachment may have been created", async () => {
    const calls = stubFetch(() => new Response("oops", { status: 500 }));
    await expect(main(TEST_AUTH, draft, file)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
