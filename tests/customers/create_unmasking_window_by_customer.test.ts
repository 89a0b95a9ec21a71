import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/create_unmasking_window_by_customer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";

describe("create_unmasking_window_by_customer", () => {
  test("sends POST with no body (the spec declares an empty one) and returns the window", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "POST", path: `/v1/customers/${ID}/unmasking-windows` },
      { status: 201, body: { data: { type: "unmasking_window", id: "w1", attributes: {} } } },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["a/b"],
      { method: "POST", path: "/v1/customers/a%2Fb/unmasking-windows" },
      { status: 201, body: { data: { type: "unmasking_window", id: "w1", attributes: {} } } },
    );
    await expectRefused(main, [""], "id is required");
  });

  test("a POST is not repeated after a 500", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
