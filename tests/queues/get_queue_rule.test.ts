import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/get_queue_rule.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("queue_rule", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "VIP customers",
  enabled: true,
});

describe("get_queue_rule", () => {
  test("sends GET /v1/routing/queue-rules/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/routing/queue-rules/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/routing/queue-rules/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });
});
