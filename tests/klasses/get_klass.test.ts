import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/klasses/get_klass.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("get_klass", () => {
  test("sends GET /v1/klasses/{id} and returns the Klass", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0a1"],
      { method: "GET", path: "/v1/klasses/5f1c6a3e9d1b2c0011a0b0a1" },
      { status: 200, body: kustomerRecord("klass", "5f1c6a3e9d1b2c0011a0b0a1", { name: "order" }) },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["klass/1 +x"], {
      method: "GET",
      path: "/v1/klasses/klass%2F1%20%2Bx",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0a1")).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
