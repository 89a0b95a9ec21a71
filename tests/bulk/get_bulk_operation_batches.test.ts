import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/bulk/get_bulk_operation_batches.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0b1";
const batches = {
  data: [
    {
      type: "bulk_batch",
      id: "5f1c6a3e9d1b2c0011a0b0b2",
      attributes: {
        status: "complete",
        completedAt: "2025-06-01T10:00:05.000Z",
        objectIds: ["5f1c6a3e9d1b2c0011a0b0c1"],
        successCount: 1,
        failureCount: 1,
        errors: [{ code: "bad_request", message: "email is invalid" }],
        results: [
          { _clientRef: "row-1", status: "success" },
          { _clientRef: "row-2", status: "failure" },
        ],
      },
    },
  ],
};

describe("get_bulk_operation_batches", () => {
  test("sends GET /v1/bulk/{id}/batches and returns the batches with per-item results", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/bulk/${ID}/batches` },
      { status: 200, body: batches },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/bulk/acct%2F42%20%2Bvip/batches",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, batches),
    );
    expect(await main(TEST_AUTH, ID)).toEqual(batches);
    expect(calls).toHaveLength(2);
  });
});
