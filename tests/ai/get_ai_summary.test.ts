import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/get_ai_summary.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("ai_summary", "5f1c6a3e9d1b2c0011a0b0c7", {
  resourceType: "conversation",
  summary: "Customer asked where order A-1001 is; agent confirmed it ships today.",
});

describe("get_ai_summary", () => {
  test("sends GET /v1/ai/summaries/{resourceId}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/ai/summaries/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the resourceId is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/ai/summaries/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "resourceId is required");
  });
});
