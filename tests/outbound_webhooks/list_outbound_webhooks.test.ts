import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/outbound_webhooks/list_outbound_webhooks.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("list_outbound_webhooks", () => {
  test("sends GET /v1/outbound-webhooks without a query or body and returns the list", async () => {
    const list = {
      data: [
        (
          kustomerRecord("outboundWebhook", "6717c2a4e5b1f00012ab3600", {
            name: "Windmill",
            url: "https://windmill.example.com/hook",
            events: ["kustomer.customer.update"],
            enabled: true,
            isError: false,
            token: "a1b2c3",
          }) as { data: unknown }
        ).data,
      ],
    };
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/outbound-webhooks" },
      { status: 200, body: list },
    );
  });

  test("a read is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: [] }),
    );
    expect(await main(TEST_AUTH)).toEqual({ data: [] });
    expect(calls).toHaveLength(2);
  });
});
