import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/attachments/upsert_attachment.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0e1";
const changes = { name: "receipt-redacted.pdf", redacted: true };
const updated = kustomerRecord("attachment", id, changes);

describe("upsert_attachment", () => {
  test("sends PUT /v1/attachments/{id} with the fields set and returns the attachment", async () => {
    await callAndCheck(
      main,
      [id, { ...changes, contentType: "" }],
      { method: "PUT", path: `/v1/attachments/${id}`, query: {}, body: changes },
      { status: 200, body: updated },
    );
  });

  testOfficialBody("PUT", "/attachments/{id}", main, [
    id,
    { name: "receipt.pdf", contentType: "application/pdf", contentLength: 48213 },
  ]);

  test("the id is percent-encoded and required; a wrong type is refused", async () => {
    await callAndCheck(main, ["file/42 +x", changes], {
      method: "PUT",
      path: "/v1/attachments/file%2F42%20%2Bx",
      body: changes,
    });
    await expectRefused(main, ["", changes], "id is required");
    await expectRefused(main, [id, { redacted: "yes" }], "body.redacted must be true or false");
  });

  test("a 503 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(200, updated),
    );
    expect(await main(TEST_AUTH, id, changes)).toEqual(updated);
    expect(calls).toHaveLength(2);
  });
});
