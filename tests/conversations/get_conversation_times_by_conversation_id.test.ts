import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/get_conversation_times_by_conversation_id.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f184e74c61792001af42e49";
const times = {
  data: [{ type: "conversation_time", id: "t1", attributes: { handleTime: 320, noteTime: 40 } }],
};

describe("get_conversation_times_by_conversation_id", () => {
  test("sends GET /v1/conversations/{id}/times and returns the time records", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/conversations/${ID}/times` },
      { status: 200, body: times },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/conversations/acct%2F42%20%2Bvip/times",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, times),
    );
    expect(await main(TEST_AUTH, ID)).toEqual(times);
    expect(calls).toHaveLength(2);
  });
});
