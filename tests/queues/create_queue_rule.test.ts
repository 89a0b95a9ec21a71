import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/create_queue_rule.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  name: "VIP to priority queue",
  enabled: true,
  queue: "5f1c6a3e9d1b2c0011a0b0f1",
  criteria: { and: [{ field: "customer.tags", operator: "contains", value: "vip" }] },
};
const answer = kustomerRecord("queue_rule", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_queue_rule", () => {
  test("sends POST /v1/routing/queue-rules and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/routing/queue-rules", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      [["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
