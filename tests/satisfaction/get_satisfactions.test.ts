import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/satisfaction/get_satisfactions.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "satisfaction", id: "5f1c6a3e9d1b2c0011a0b0b1", attributes: { name: "CSAT" } }],
  meta: { page: 2, pageSize: 25 },
  links: { next: null },
};

describe("get_satisfactions", () => {
  test("sends GET /v1/satisfaction with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 25],
      { method: "GET", path: "/v1/satisfaction", query: { page: "2", pageSize: "25" } },
      { status: 200, body: page },
    );
  });

  test("without page and pageSize, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/satisfaction", query: {} },
      { status: 200, body: page },
    );
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, page),
    );
    expect(await main(TEST_AUTH, 1, 100)).toEqual(page);
    expect(calls).toHaveLength(2);
  });
});
