import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/forwards/create_forward_attachment.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const forward = "5f1c6a3e9d1b2c0011a0b0e3";
const file = { name: "invoice-123.pdf", contentType: "application/pdf", contentLength: 91822 };
const created = {
  data: { type: "attachment", id: "5f1c6a3e9d1b2c0011a0b0e4", attributes: file },
  links: {
    related: "https://uploads.example-bucket.s3.amazonaws.com/invoice-123.pdf?X-Amz-Signature=abc",
  },
};

describe("create_forward_attachment", () => {
  test("sends POST /v1/forwards/{id}/attachments and returns the record with its upload link", async () => {
    await callAndCheck(
      main,
      [forward, file],
      { method: "POST", path: `/v1/forwards/${forward}/attachments`, query: {}, body: file },
      { status: 200, body: created },
    );
  });

  testOfficialBody("POST", "/forwards/{id}/attachments", main, [forward, file]);

  test("the forward id is percent-encoded and required", async () => {
    await callAndCheck(main, ["fwd/42 +x", file], {
      method: "POST",
      path: "/v1/forwards/fwd%2F42%20%2Bx/attachments",
      body: file,
    });
    await expectRefused(main, ["", file], "id is required");
  });

  test("name, contentType and contentLength are all required; the size is a number", async () => {
    await expectRefused(
      main,
      [forward, { contentType: "application/pdf", contentLength: 91822 }],
      "body.name is required",
    );
    await expectRefused(
      main,
      [forward, { ...file, contentLength: "91822" }],
      'body.contentLength must be a number (got "91822")',
    );
  });

  test("a network error is not retried: the attachment may have been created", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, forward, file)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
