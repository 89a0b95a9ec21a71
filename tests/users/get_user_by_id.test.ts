import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/users/get_user_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";

describe("get_user_by_id", () => {
  test("sends GET /v1/users/{id} and returns the user", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/users/${ID}` },
      { status: 200, body: kustomerRecord("user", ID, { name: "Ada Lovelace" }) },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/users/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, ID)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
