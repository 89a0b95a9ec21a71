import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/create_customer_merge.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const merge = { source: "5f1c6a3e9d1b2c0011a0b0c2", target: "5f1c6a3e9d1b2c0011a0b0c1" };

describe("create_customer_merge", () => {
  test("sends POST /v1/customers/merges with source and target and returns the merge", async () => {
    await callAndCheck(
      main,
      [merge],
      { method: "POST", path: "/v1/customers/merges", body: merge },
      { status: 201, body: { data: { type: "customer_merge", id: "m1", attributes: merge } } },
    );
  });

  testOfficialBody("POST", "/customers/merges", main, [merge]);

  test("both ids are required and nothing else is accepted", async () => {
    await expectRefused(main, [{ source: merge.source } as never], "body.target is required");
    await expectRefused(main, [{ ...merge, keep: "source" } as never], "body.keep is not a field");
  });

  test("a merge is not repeated after a network error: it cannot be undone", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, merge)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
    expect(jsonResponse).toBeDefined();
  });
});
