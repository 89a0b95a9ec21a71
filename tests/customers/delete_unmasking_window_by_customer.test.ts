import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/delete_unmasking_window_by_customer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";

describe("delete_unmasking_window_by_customer", () => {
  test("sends DELETE with no body; the 204 answer returns null", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "DELETE", path: `/v1/customers/${ID}/unmasking-windows` },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["a/b"],
      { method: "DELETE", path: "/v1/customers/a%2Fb/unmasking-windows" },
      { status: 204 },
    );
    await expectRefused(main, [""], "id is required");
  });

  test("a DELETE is retried after a 500 (deleting twice deletes once)", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, ID)).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
