import { describe, test } from "bun:test";
import { main } from "../../scripts/outbound_webhooks/list_subscribable_events.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("list_subscribable_events", () => {
  test("sends GET /v1/outbound-webhooks/events and returns { events }", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/outbound-webhooks/events" },
      {
        status: 200,
        body: { events: ["kustomer.conversation.create", "kustomer.customer.update"] },
      },
    );
  });
});
