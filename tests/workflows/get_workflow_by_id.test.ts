import { describe, test } from "bun:test";
import { main } from "../../scripts/workflows/get_workflow_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("workflow", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "Tag VIP conversations",
  enabled: true,
});

describe("get_workflow_by_id", () => {
  test("sends GET /v1/workflows/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/workflows/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/workflows/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });
});
