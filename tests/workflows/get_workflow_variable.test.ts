import { describe, test } from "bun:test";
import { main } from "../../scripts/workflows/get_workflow_variable.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("workflow_variable", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "ordersWebhookUrl",
  value: "https://hooks.example.com/orders",
});

describe("get_workflow_variable", () => {
  test("sends GET /v1/workflow-variables/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/workflow-variables/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/workflow-variables/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });
});
