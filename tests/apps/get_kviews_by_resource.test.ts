import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/get_kviews_by_resource.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    { type: "kview", id: "5f1c6a3e9d1b2c0011a0b0d2", attributes: { context: "smartbar-card" } },
  ],
};

describe("get_kviews_by_resource", () => {
  test("sends GET /v1/kviews/{resource}", async () => {
    await callAndCheck(
      main,
      ["customer"],
      { method: "GET", path: "/v1/kviews/customer", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a custom object type keeps its dot; the resource is required", async () => {
    await callAndCheck(main, ["kobject.order"], {
      method: "GET",
      path: "/v1/kviews/kobject.order",
    });
    await expectRefused(main, [""], "resource is required");
  });
});
