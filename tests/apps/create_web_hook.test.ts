import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/create_web_hook.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The page names no body field, so the body goes through as sent.
const sent: Parameters<typeof main>[1] = { name: "Order updates", eventName: "orders.update" };
const answer = kustomerRecord("hook", "5f1c6a3e9d1b2c0011a0b0c5", {
  ...sent,
  url: "https://api.kustomerapp.com/v1/hooks/web/3f9a1c",
});

describe("create_web_hook", () => {
  test("sends POST /v1/hooks/web and the body as given", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/hooks/web", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(main, [["Order updates"] as never], "body must be an object (got a list)");
  });
});
