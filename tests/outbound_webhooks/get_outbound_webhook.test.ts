import { describe, test } from "bun:test";
import { main } from "../../scripts/outbound_webhooks/get_outbound_webhook.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "6717c2a4e5b1f00012ab3600";

describe("get_outbound_webhook", () => {
  test("sends GET /v1/outbound-webhooks/{id} and returns the webhook with its token", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/outbound-webhooks/${ID}` },
      {
        status: 200,
        body: kustomerRecord("outboundWebhook", ID, { name: "Windmill", token: "a1b2c3" }),
      },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["events/../x"],
      { method: "GET", path: "/v1/outbound-webhooks/events%2F..%2Fx" },
      { status: 200, body: { data: {} } },
    );
    await expectRefused(main, [""], "id is required");
  });
});
