import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/get_conversation_by_external_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const conversation = kustomerRecord("conversation", "5f1c6a3e9d1b2c0011a0b0c1", {
  externalId: "zendesk-ticket-4711",
});

describe("get_conversation_by_external_id", () => {
  test("sends GET /v1/conversations/externalId={externalId} and returns the conversation", async () => {
    await callAndCheck(
      main,
      ["zendesk-ticket-4711"],
      { method: "GET", path: "/v1/conversations/externalId=zendesk-ticket-4711" },
      { status: 200, body: conversation },
    );
  });

  test("an externalId with / + # and spaces is percent-encoded into the path", async () => {
    const { request } = await callAndCheck(main, ["acct/42 +vip#1"], {
      method: "GET",
      path: "/v1/conversations/externalId=acct%2F42%20%2Bvip%231",
    });
    expect(request.url.hash).toBe("");
  });

  test("a missing externalId is refused before sending", async () => {
    await expectRefused(main, [""], "externalId is required");
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, conversation),
    );
    expect(await main(TEST_AUTH, "zendesk-ticket-4711")).toEqual(conversation);
    expect(calls).toHaveLength(2);
  });
});
