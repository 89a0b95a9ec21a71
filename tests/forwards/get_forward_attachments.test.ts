import { describe, test } from "bun:test";
import { main } from "../../scripts/forwards/get_forward_attachments.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const forward = "5f1c6a3e9d1b2c0011a0b0e3";
const list = {
  data: [
    { type: "attachment", id: "5f1c6a3e9d1b2c0011a0b0e4", attributes: { name: "invoice-123.pdf" } },
  ],
};

describe("get_forward_attachments", () => {
  test("sends GET /v1/forwards/{id}/attachments and returns the list", async () => {
    await callAndCheck(
      main,
      [forward],
      { method: "GET", path: `/v1/forwards/${forward}/attachments`, query: {} },
      { status: 200, body: list },
    );
  });

  test("the forward id is percent-encoded and required", async () => {
    await callAndCheck(main, ["fwd/42 +x"], {
      method: "GET",
      path: "/v1/forwards/fwd%2F42%20%2Bx/attachments",
    });
    await expectRefused(main, [""], "id is required");
  });
});
