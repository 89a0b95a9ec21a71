import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/install_app.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The guide names no body field, so the body goes through as sent.
const sent: Parameters<typeof main>[1] = { app: "hello_world_example", version: "0.0.1" };
const answer = kustomerRecord("app", "hello_world_example", { ...sent, status: "installing" });

describe("install_app", () => {
  test("sends POST /v1/apps/install and the body as given", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/apps/install", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      [["hello_world_example"] as never],
      "body must be an object (got a list)",
    );
  });
});
