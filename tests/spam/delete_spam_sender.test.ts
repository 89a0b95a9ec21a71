import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/spam/delete_spam_sender.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f52b303775dbe9e4ed8f9a3";

describe("delete_spam_sender", () => {
  test("sends DELETE /v1/spam/senders/{id} without a body; a 204 returns null", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "DELETE", path: `/v1/spam/senders/${ID}` },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["ada+vip@example.com"],
      { method: "DELETE", path: "/v1/spam/senders/ada%2Bvip%40example.com" },
      { status: 204 },
    );
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
