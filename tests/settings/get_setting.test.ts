import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_setting.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("setting", "5f1c6a3e9d1b2c0011a0b0c7", {
  app: "kustomer",
  category: "chat",
  name: "enabled",
  value: true,
});

describe("get_setting", () => {
  test("sends GET /v1/settings/{app}/{category}/{name}", async () => {
    await callAndCheck(
      main,
      ["kustomer", "chat", "enabled"],
      { method: "GET", path: `/v1/settings/kustomer/chat/enabled`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the app is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", "chat", "enabled"], {
      method: "GET",
      path: "/v1/settings/acct%2F42%20%2Bvip/chat/enabled",
    });
    await expectRefused(main, ["", "chat", "enabled"], "app is required");
  });
});
