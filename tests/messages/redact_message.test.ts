import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/messages/redact_message.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The body is a union of three shapes; each one is sent as given. (No official-schema test here:
// the spec puts additionalProperties: false beside the anyOf with no properties of its own, so a
// strict validator rejects every non-empty body; see the report that came with these tests.)
const id = "5f1c6a3e9d1b2c0011a0b0c4";
const redaction = { data: { type: "message_redaction", id: "5f1c6a3e9d1b2c0011a0b0f2" } };
const path = `/v1/messages/${id}/redactions`;

describe("redact_message", () => {
  test("the preview shape is sent as POST /v1/messages/{id}/redactions", async () => {
    const body = { preview: "My card number is [redacted]" };
    await callAndCheck(
      main,
      [id, body],
      { method: "POST", path, query: {}, body },
      { status: 201, body: redaction },
    );
  });

  test("the attachments shape is sent as given", async () => {
    const body = { attachments: ["5f1c6a3e9d1b2c0011a0b0e1", "5f1c6a3e9d1b2c0011a0b0e2"] };
    await callAndCheck(main, [id, body], { method: "POST", path, body });
  });

  test("the meta shape is sent as given", async () => {
    const body = { meta: { from: "ada+vip@example.com" } };
    await callAndCheck(main, [id, body], { method: "POST", path, body });
  });

  test("the message id is percent-encoded and required; an empty body is refused", async () => {
    const body = { preview: "[redacted]" };
    await callAndCheck(main, ["msg/42 +x", body], {
      method: "POST",
      path: "/v1/messages/msg%2F42%20%2Bx/redactions",
      body,
    });
    await expectRefused(main, ["", body], "id is required");
    await expectRefused(main, [id, {}], "body has no fields set");
  });

  test("a body must be exactly one shape: no unknown, mistyped or combined fields", async () => {
    const shapes = "body does not match any of the 3 shapes Kustomer accepts here";
    await expectRefused(main, [id, { previewz: "x" } as never], shapes);
    await expectRefused(
      main,
      [id, { preview: 123 } as never],
      `${shapes}; the closest fails at body.preview must be a string (got 123)`,
    );
    await expectRefused(main, [id, { preview: "x", attachments: ["a1"] }], shapes);
    await expectRefused(
      main,
      [id, { attachments: Array.from({ length: 11 }, (_, index) => `a${index}`) }],
      "has 11 items; at most 10 allowed",
    );
  });

  test("a 500 is not retried: the redaction may have been applied", async () => {
    const calls = stubFetch(() => new Response("oops", { status: 500 }));
    await expect(main(TEST_AUTH, id, { preview: "[redacted]" })).rejects.toMatchObject({
      status: 500,
    });
    expect(calls).toHaveLength(1);
  });
});
