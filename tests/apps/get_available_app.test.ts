import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/get_available_app.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("app", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "shopify",
  version: "2.1.0",
  title: "Shopify",
});

describe("get_available_app", () => {
  test("sends GET /v1/apps/available/{appVersion}", async () => {
    await callAndCheck(
      main,
      ["kustomer-shopify^2.1.0"],
      { method: "GET", path: `/v1/apps/available/kustomer-shopify%5E2.1.0`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the appVersion is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/apps/available/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "appVersion is required");
  });
});
