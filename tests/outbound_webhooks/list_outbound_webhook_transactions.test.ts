import { describe, test } from "bun:test";
import { main } from "../../scripts/outbound_webhooks/list_outbound_webhook_transactions.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("list_outbound_webhook_transactions", () => {
  test("sends GET /v1/outbound-webhooks/transactions and returns the delivery log", async () => {
    const log = {
      data: [
        (
          kustomerRecord("outboundWebhookTransaction", "6717c2a4e5b1f00012ab3700", {
            webhookId: "6717c2a4e5b1f00012ab3600",
            sentAt: 1761058802118,
            nextRetry: null,
            status: "success",
            eventName: "kustomer.customer.update",
          }) as { data: unknown }
        ).data,
      ],
    };
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/outbound-webhooks/transactions" },
      { status: 200, body: log },
    );
  });
});
