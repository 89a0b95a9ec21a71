import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/create_form_hook_org_transaction.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[3] = {
  email: "ada@example.com",
  message: "Where is my order?",
};

describe("create_form_hook_org_transaction", () => {
  test("sends POST /v1/hooks/form/{org}/{hash} and the payload as given", async () => {
    await callAndCheck(
      main,
      ["acme", "3f9a1c7e", sent],
      { method: "POST", path: "/v1/hooks/form/acme/3f9a1c7e", query: {}, body: sent },
      { status: 200, body: kustomerRecord("hook_transaction", "5f1c6a3e9d1b2c0011a0b0c9", {}) },
    );
  });

  test("the org and the hash are percent-encoded and required", async () => {
    await callAndCheck(main, ["ac me", "a/b", sent], {
      method: "POST",
      path: "/v1/hooks/form/ac%20me/a%2Fb",
      body: sent,
    });
    await expectRefused(main, ["", "3f9a1c7e", sent], "org is required");
    await expectRefused(main, ["acme", "", sent], "hash is required");
  });
});
