import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/get_queue_criteria.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("queue_rule_criteria", "5f1c6a3e9d1b2c0011a0b0c7", {
  fields: [{ name: "conversation_channel", type: "string" }],
});

describe("get_queue_criteria", () => {
  test("sends GET /v1/routing/queue-rules-criteria", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/routing/queue-rules-criteria", query: {} },
      { status: 200, body: answer },
    );
  });
});
