import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/create_ai_evaluation.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  automation: "5f1c6a3e9d1b2c0011a0b0f5",
  name: "Returns procedure check",
};
const answer = kustomerRecord("ai_evaluation", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_ai_evaluation", () => {
  test("sends POST /v1/ai/evaluations and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/ai/evaluations", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      [["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
