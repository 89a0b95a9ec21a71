import { describe, test } from "bun:test";
import { main } from "../../scripts/attachments/get_attachment_by_message_and_attachment_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const message = "5f1c6a3e9d1b2c0011a0b0c4";
const attachment = "5f1c6a3e9d1b2c0011a0b0e1";
const record = kustomerRecord("attachment", attachment, { name: "photo.jpg" });

describe("get_attachment_by_message_and_attachment_id", () => {
  test("sends GET /v1/messages/{message_id}/attachments/{id} and returns the record", async () => {
    await callAndCheck(
      main,
      [message, attachment],
      { method: "GET", path: `/v1/messages/${message}/attachments/${attachment}`, query: {} },
      { status: 200, body: record },
    );
  });

  test("both ids are percent-encoded and required", async () => {
    await callAndCheck(main, ["msg/42 +x", "file #1"], {
      method: "GET",
      path: "/v1/messages/msg%2F42%20%2Bx/attachments/file%20%231",
    });
    await expectRefused(main, ["", attachment], "message_id is required");
    await expectRefused(main, [message, ""], "id is required");
  });
});
