import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/media/create_media.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const file = { name: "returns-diagram.png", contentType: "image/png", contentLength: 204800 };
const created = {
  data: { type: "media", id: "5f1c6a3e9d1b2c0011a0b0b5", attributes: file },
  meta: { upload: { url: "https://kustomer-media.s3.amazonaws.com", fields: { key: "media/x" } } },
};

describe("create_media", () => {
  test("sends POST /v1/media and returns the record with its upload policy", async () => {
    await callAndCheck(
      main,
      [file],
      { method: "POST", path: "/v1/media", query: {}, body: file },
      { status: 201, body: created },
    );
  });

  testOfficialBody("POST", "/media", main, [file]);

  test("all three fields are required, and the size is capped at 10,048,576 bytes", async () => {
    await expectRefused(
      main,
      [{ name: "a.png", contentType: "image/png" }],
      "body.contentLength is required",
    );
    await expectRefused(
      main,
      [{ ...file, contentLength: 20_000_000 }],
      "body.contentLength must be at most 10048576",
    );
  });

  test("a 500 is not retried: the media record may have been created", async () => {
    const calls = stubFetch(() => new Response("oops", { status: 500 }));
    await expect(main(TEST_AUTH, file)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
