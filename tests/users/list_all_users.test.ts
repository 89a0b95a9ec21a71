// list_all_users: every page of /v1/users through the sync block's kustomerListAll, against a
// stubbed fetch that serves three pages (the sandbox does not model users).
import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/users/list_all_users.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";

describe("list_all_users", () => {
  test("follows links.next with pageSize 500 until the last page", async () => {
    const calls = stubFetch((request) => {
      const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
      const next = page < 3 ? `/v1/users?page=${page + 1}&pageSize=500` : null;
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
      "/v1/users?page=1&pageSize=500",
      "/v1/users?page=2&pageSize=500",
      "/v1/users?page=3&pageSize=500",
    ]);
  });
});
