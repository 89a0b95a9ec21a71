import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/get_ai_evaluation.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("ai_evaluation", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "Returns procedure check",
  status: "completed",
});

describe("get_ai_evaluation", () => {
  test("sends GET /v1/ai/evaluations/{evaluationId}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/ai/evaluations/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the evaluationId is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/ai/evaluations/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "evaluationId is required");
  });
});
