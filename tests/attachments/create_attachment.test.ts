import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/attachments/create_attachment.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const file = { name: "receipt.pdf", contentType: "application/pdf", contentLength: 48213 };
const created = {
  data: { type: "attachment", id: "5f1c6a3e9d1b2c0011a0b0e1", attributes: file },
  meta: {
    upload: {
      url: "https://kustomer-uploads.s3.amazonaws.com",
      fields: { key: "attachments/5f1c6a3e9d1b2c0011a0b0e1", Policy: "eyJ..." },
    },
  },
};

describe("create_attachment", () => {
  test("sends POST /v1/attachments and returns the record with its upload policy", async () => {
    await callAndCheck(
      main,
      [file],
      { method: "POST", path: "/v1/attachments", query: {}, body: file },
      { status: 201, body: created },
    );
  });

  testOfficialBody("POST", "/attachments", main, [file]);

  test("name, contentType and contentLength are required; the size is a number", async () => {
    await expectRefused(main, [{ ...file, name: "" }], "body.name is required");
    await expectRefused(
      main,
      [{ ...file, contentLength: "48213" }],
      'body.contentLength must be a number (got "48213")',
    );
  });

  test("a 500 is not retried: the attachment may have been created", async () => {
    const calls = stubFetch(() => new Response("oops", { status: 500 }));
    await expect(main(TEST_AUTH, file)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
