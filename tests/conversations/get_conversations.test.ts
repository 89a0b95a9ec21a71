import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/get_conversations.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "conversation", id: "5f1c6a3e9d1b2c0011a0b0c1", attributes: { status: "open" } }],
  meta: { page: 3, pageSize: 100 },
  links: { next: "/v1/conversations?page=4&pageSize=100&sort=desc" },
};

describe("get_conversations", () => {
  test("sends GET /v1/conversations with page, pageSize and sort", async () => {
    await callAndCheck(
      main,
      [3, 100, "desc"],
      {
        method: "GET",
        path: "/v1/conversations",
        query: { page: "3", pageSize: "100", sort: "desc" },
      },
      { status: 200, body: page },
    );
  });

  test("optional values left out or blank in the form are not sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/conversations", query: {} });
    await callAndCheck(main, [undefined, undefined, ""], {
      method: "GET",
      path: "/v1/conversations",
      query: {},
    });
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, page),
    );
    expect(await main(TEST_AUTH)).toEqual(page);
    expect(calls).toHaveLength(2);
  });
});
