import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/remove_tags_from_conversation.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const untagged = kustomerRecord("conversation", ID, { tags: ["vip"] });

describe("remove_tags_from_conversation", () => {
  test("sends DELETE /v1/conversations/{id}/tags with a JSON array body", async () => {
    const { request } = await callAndCheck(
      main,
      [ID, ["refund request", "spam"]],
      { method: "DELETE", path: `/v1/conversations/${ID}/tags`, body: ["refund request", "spam"] },
      { status: 200, body: untagged },
    );
    // A DELETE with a body: the list must go out as JSON, with its content type.
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.rawBody).toBe('["refund request","spam"]');
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", ["spam"]], {
      method: "DELETE",
      path: "/v1/conversations/acct%2F42%20%2Bvip/tags",
      body: ["spam"],
    });
    await expectRefused(main, ["", ["spam"]], "id is required");
  });

  testOfficialBody("DELETE", "/conversations/{id}/tags", main, [ID, ["spam", "billing/refund"]]);

  test("a body that is not a list of tag names is refused before sending", async () => {
    await expectRefused(main, [ID, "spam"], "body must be an array");
    await expectRefused(main, [ID, [" leading-space"]], "body[0] does not match the pattern");
  });

  test("a DELETE is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, untagged),
    );
    expect(await main(TEST_AUTH, ID, ["spam"])).toEqual(untagged);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toEqual(["spam"]);
  });
});
