import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/outbound_webhooks/delete_outbound_webhook.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "6717c2a4e5b1f00012ab3600";

describe("delete_outbound_webhook", () => {
  test("sends DELETE /v1/outbound-webhooks/{id} without a body; a 204 returns null", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "DELETE", path: `/v1/outbound-webhooks/${ID}` },
      { status: 204 },
    );
  });

  test("the id is required", async () => {
    await expectRefused(main, [""], "id is required");
  });

  test("a DELETE is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, ID)).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
