import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/get_web_hook_transactions.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    { type: "hook_transaction", id: "5f1c6a3e9d1b2c0011a0b0c8", attributes: { status: "success" } },
  ],
};

describe("get_web_hook_transactions", () => {
  test("sends GET /v1/hooks/web/{id}/transactions", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c5"],
      { method: "GET", path: "/v1/hooks/web/5f1c6a3e9d1b2c0011a0b0c5/transactions", query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["h/1"], { method: "GET", path: "/v1/hooks/web/h%2F1/transactions" });
    await expectRefused(main, [""], "id is required");
  });
});
