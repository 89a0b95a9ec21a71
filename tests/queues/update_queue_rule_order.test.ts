import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/update_queue_rule_order.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  order: ["5f1c6a3e9d1b2c0011a0b0f1", "5f1c6a3e9d1b2c0011a0b0f2"],
};
const answer = kustomerRecord("queue_rule_order", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("update_queue_rule_order", () => {
  test("sends PUT /v1/routing/queue-rules/order and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "PUT", path: "/v1/routing/queue-rules/order", query: {}, body: sent },
      { status: 200, body: answer },
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
