import { describe, test } from "bun:test";
import { main } from "../../scripts/workflows/create_workflow_variable.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = {
  name: "ordersWebhookUrl",
  value: "https://hooks.example.com/orders",
};
const answer = kustomerRecord("workflow_variable", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_workflow_variable", () => {
  test("sends POST /v1/workflows/{id}/variables and the body", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", sent],
      {
        method: "POST",
        path: `/v1/workflows/5f1c6a3e9d1b2c0011a0b0c7/variables`,
        query: {},
        body: sent,
      },
      { status: 201, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", sent], {
      method: "POST",
      path: "/v1/workflows/acct%2F42%20%2Bvip/variables",
      body: sent,
    });
    await expectRefused(main, ["", sent], "id is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", ["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
