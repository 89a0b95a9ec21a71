import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/get_ai_automation.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("ai_automation", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "Order status agent",
  enabled: true,
});

describe("get_ai_automation", () => {
  test("sends GET /v1/ai/automations/{automationId}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/ai/automations/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the automationId is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/ai/automations/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "automationId is required");
  });
});
