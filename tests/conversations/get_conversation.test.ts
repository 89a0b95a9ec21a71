import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/get_conversation.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const conversation = kustomerRecord("conversation", ID, { status: "open", priority: 3 });

describe("get_conversation", () => {
  test("sends GET /v1/conversations/{id} and returns the conversation", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/conversations/${ID}` },
      { status: 200, body: conversation },
    );
  });

  test("the id is percent-encoded (commas stay literal) and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/conversations/acct%2F42%20%2Bvip",
    });
    await callAndCheck(main, [`${ID},5f1c6a3e9d1b2c0011a0b0c4`], {
      method: "GET",
      path: `/v1/conversations/${ID},5f1c6a3e9d1b2c0011a0b0c4`,
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 404 is thrown with Kustomer's message", async () => {
    stubFetch(() => jsonResponse(404, { errors: [{ code: "not_found", message: "Not found" }] }));
    await expect(main(TEST_AUTH, ID)).rejects.toThrow(`GET /v1/conversations/${ID} failed: 404`);
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, conversation),
    );
    expect(await main(TEST_AUTH, ID)).toEqual(conversation);
    expect(calls).toHaveLength(2);
  });
});
