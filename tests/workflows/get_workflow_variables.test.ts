import { describe, test } from "bun:test";
import { main } from "../../scripts/workflows/get_workflow_variables.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "workflow_variable",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "ordersWebhookUrl", value: "https://hooks.example.com/orders" },
    },
  ],
  links: { next: null },
};

describe("get_workflow_variables", () => {
  test("sends GET /v1/workflows/{id}/variables", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/workflows/5f1c6a3e9d1b2c0011a0b0c7/variables`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/workflows/acct%2F42%20%2Bvip/variables",
    });
    await expectRefused(main, [""], "id is required");
  });
});
