// list_all_teams: every page of /v1/teams through the sync block's kustomerListAll, against a
// stubbed fetch that serves three pages (the sandbox does not model teams).
import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/teams/list_all_teams.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";

describe("list_all_teams", () => {
  test("follows links.next with pageSize 500 until the last page", async () => {
    const calls = stubFetch((request) => {
      const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
      const next = page < 3 ? `/v1/teams?page=${page + 1}&pageSize=500` : null;
      return jsonResponse(200, {
        data: [{ id: `p${page}a` }, { id: `p${page}b` }],
        links: { next },
      });
    });
    const result = await main(TEST_AUTH);
    expect(result.records).toHaveLength(6);
    expect(result.complete).toBe(true);
    expect(
      calls.map((call) => `${call.path}?page=${call.query.page}&pageSize=${call.query.pageSize}`),
    ).toEqual([
      "/v1/teams?page=1&pageSize=500",
      "/v1/teams?page=2&pageSize=500",
      "/v1/teams?page=3&pageSize=500",
    ]);
  });
});
