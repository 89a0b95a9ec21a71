import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/create_form_hook_transaction.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = {
  email: "ada@example.com",
  message: "Where is my order?",
};

describe("create_form_hook_transaction", () => {
  test("sends POST /v1/hooks/form/{hash} and the payload as given", async () => {
    await callAndCheck(
      main,
      ["3f9a1c7e", sent],
      { method: "POST", path: "/v1/hooks/form/3f9a1c7e", query: {}, body: sent },
      { status: 200, body: kustomerRecord("hook_transaction", "5f1c6a3e9d1b2c0011a0b0c9", {}) },
    );
  });

  test("the hash is required and the payload must be an object", async () => {
    await expectRefused(main, ["", sent], "hash is required");
    await expectRefused(main, ["3f9a1c7e", ["x"] as never], "body must be an object (got a list)");
  });
});
