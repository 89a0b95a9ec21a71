import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/append_tags_to_conversation.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const tagged = kustomerRecord("conversation", ID, { tags: ["vip", "refund request"] });

describe("append_tags_to_conversation", () => {
  test("sends POST /v1/conversations/{id}/tags with the tag names as a JSON array", async () => {
    const { request } = await callAndCheck(
      main,
      [ID, ["vip", "refund request"]],
      { method: "POST", path: `/v1/conversations/${ID}/tags`, body: ["vip", "refund request"] },
      { status: 200, body: tagged },
    );
    expect(request.rawBody).toBe('["vip","refund request"]');
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", ["vip"]], {
      method: "POST",
      path: "/v1/conversations/acct%2F42%20%2Bvip/tags",
      body: ["vip"],
    });
    await expectRefused(main, ["", ["vip"]], "id is required");
  });

  testOfficialBody("POST", "/conversations/{id}/tags", main, [ID, ["vip", "billing/refund"]]);

  test("a list that is not tags, or has more than 20, is refused before sending", async () => {
    await expectRefused(main, [ID, "vip"], "body must be an array");
    await expectRefused(main, [ID, ["#urgent"]], "body[0] does not match the pattern");
    const many = Array.from({ length: 21 }, (_, index) => `tag-${index}`);
    await expectRefused(main, [ID, many], "body has 21 items; at most 20 allowed");
  });

  test("a POST is not repeated after a 500", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID, ["vip"])).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
