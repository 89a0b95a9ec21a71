import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/spam/get_spam_senders.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [
    {
      type: "sender",
      id: "5f52b303775dbe9e4ed8f9a3",
      attributes: { sender: "deals@spam.example", channel: "email", list: "blacklist" },
    },
  ],
  meta: { page: 2, pageSize: 100 },
  links: { self: "/v1/spam/senders?page=2", first: "/v1/spam/senders", prev: null, next: null },
};

describe("get_spam_senders", () => {
  test("sends GET /v1/spam/senders with the optional page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 100],
      { method: "GET", path: "/v1/spam/senders", query: { page: "2", pageSize: "100" } },
      { status: 200, body: page },
    );
  });

  test("without page and pageSize, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/spam/senders", query: {} },
      { status: 200, body: page },
    );
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, page),
    );
    expect(await main(TEST_AUTH)).toEqual(page);
    expect(calls).toHaveLength(2);
  });
});
