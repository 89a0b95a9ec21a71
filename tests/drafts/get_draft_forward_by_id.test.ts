import { describe, test } from "bun:test";
import { main } from "../../scripts/drafts/get_draft_forward_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0e3";
const forward = kustomerRecord("forward", id, { status: "draft", subject: "Fwd: order #123" });

describe("get_draft_forward_by_id", () => {
  test("sends GET /v1/forwards/{id} and returns the forward", async () => {
    await callAndCheck(
      main,
      [id],
      { method: "GET", path: `/v1/forwards/${id}`, query: {} },
      { status: 200, body: forward },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["fwd/42 +x"], {
      method: "GET",
      path: "/v1/forwards/fwd%2F42%20%2Bx",
    });
    await expectRefused(main, [""], "id is required");
  });
});
