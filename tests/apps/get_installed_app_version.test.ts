import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/get_installed_app_version.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("app", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "shopify",
  version: "2.1.0",
  status: "installed",
});

describe("get_installed_app_version", () => {
  test("sends GET /v1/apps/{appVersion}", async () => {
    await callAndCheck(
      main,
      ["kustomer-shopify^2.1.0"],
      { method: "GET", path: `/v1/apps/kustomer-shopify%5E2.1.0`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the appVersion is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/apps/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "appVersion is required");
  });
});
