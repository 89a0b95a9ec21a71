import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/update_ai_evaluation.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = { name: "Returns procedure check (v2)" };
const answer = kustomerRecord("ai_evaluation", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("update_ai_evaluation", () => {
  test("sends PUT /v1/ai/evaluations/{evaluationId} and the body", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", sent],
      { method: "PUT", path: `/v1/ai/evaluations/5f1c6a3e9d1b2c0011a0b0c7`, query: {}, body: sent },
      { status: 200, body: answer },
    );
  });

  test("the evaluationId is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", sent], {
      method: "PUT",
      path: "/v1/ai/evaluations/acct%2F42%20%2Bvip",
      body: sent,
    });
    await expectRefused(main, ["", sent], "evaluationId is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", ["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
