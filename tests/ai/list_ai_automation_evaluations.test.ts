import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/list_ai_automation_evaluations.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "ai_automation_evaluation",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "Returns procedure check", status: "completed" },
    },
  ],
  links: { next: null },
};

describe("list_ai_automation_evaluations", () => {
  test("sends GET /v1/ai/automations/{automationId}/evaluations with page and pageSize", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", 2, 50],
      {
        method: "GET",
        path: `/v1/ai/automations/5f1c6a3e9d1b2c0011a0b0c7/evaluations`,
        query: { page: "2", pageSize: "50" },
      },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/ai/automations/5f1c6a3e9d1b2c0011a0b0c7/evaluations`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, ["5f1c6a3e9d1b2c0011a0b0c7", 0], "page must be at least 1");
  });

  test("the automationId is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/ai/automations/acct%2F42%20%2Bvip/evaluations",
    });
    await expectRefused(main, [""], "automationId is required");
  });
});
