import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/bulk/get_bulk_operation_by_id.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0b1";
const running = {
  data: {
    type: "bulk",
    id: ID,
    attributes: { status: "running", batches: { complete: 1, total: 4 } },
  },
};

describe("get_bulk_operation_by_id", () => {
  test("sends GET /v1/bulk/{id} once and returns the status as it is", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/bulk/${ID}` },
      { status: 200, body: running },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/bulk/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, running),
    );
    expect(await main(TEST_AUTH, ID)).toEqual(running);
    expect(calls).toHaveLength(2);
  });
});
