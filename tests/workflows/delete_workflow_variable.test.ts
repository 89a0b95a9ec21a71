import { describe, test } from "bun:test";
import { main } from "../../scripts/workflows/delete_workflow_variable.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("delete_workflow_variable", () => {
  test("sends DELETE /v1/workflow-variables/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "DELETE", path: `/v1/workflow-variables/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["acct/42 +vip"],
      { method: "DELETE", path: "/v1/workflow-variables/acct%2F42%20%2Bvip" },
      { status: 204 },
    );
    await expectRefused(main, [""], "id is required");
  });
});
