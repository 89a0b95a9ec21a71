import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/get_ai_evaluation_test_case.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("ai_evaluation_testcase", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "Customer asks for a refund",
  expected: "Offers the return label",
});

describe("get_ai_evaluation_test_case", () => {
  test("sends GET /v1/ai/evaluation-testcases/{testCaseId}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/ai/evaluation-testcases/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the testCaseId is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/ai/evaluation-testcases/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "testCaseId is required");
  });
});
