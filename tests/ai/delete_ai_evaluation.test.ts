import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/delete_ai_evaluation.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("delete_ai_evaluation", () => {
  test("sends DELETE /v1/ai/evaluations/{evaluationId}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "DELETE", path: `/v1/ai/evaluations/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 204 },
    );
  });

  test("the evaluationId is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["acct/42 +vip"],
      { method: "DELETE", path: "/v1/ai/evaluations/acct%2F42%20%2Bvip" },
      { status: 204 },
    );
    await expectRefused(main, [""], "evaluationId is required");
  });
});
