import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/klasses/delete_klass.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("delete_klass", () => {
  test("sends DELETE /v1/klasses/{id}; the 204 answer gives null", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0a1"],
      { method: "DELETE", path: "/v1/klasses/5f1c6a3e9d1b2c0011a0b0a1" },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["klass/1 +x"],
      { method: "DELETE", path: "/v1/klasses/klass%2F1%20%2Bx" },
      { status: 204 },
    );
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 is retried: a DELETE is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0a1")).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
