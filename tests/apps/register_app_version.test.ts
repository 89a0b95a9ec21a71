import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/register_app_version.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The whole app definition is the body, sent as given.
const sent: Parameters<typeof main>[1] = {
  app: "hello_world_example",
  version: "0.0.1",
  title: "Hello World",
  kviews: [
    { name: "hello-world-example.helloworld", resource: "customer", context: "smartbar-card" },
  ],
};
const answer = kustomerRecord("app", "hello_world_example-0.0.1", sent);

describe("register_app_version", () => {
  test("sends POST /v1/apps/available with the whole definition", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/apps/available", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a definition that is not an object is refused before sending", async () => {
    await expectRefused(main, ['{"app":"x"}' as never], "body must be an object");
  });
});
