import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/brands/get_brand_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("get_brand_by_id", () => {
  test("sends GET /v1/brands/{id} and returns the brand", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0b1"],
      { method: "GET", path: "/v1/brands/5f1c6a3e9d1b2c0011a0b0b1" },
      {
        status: 200,
        body: kustomerRecord("brand", "5f1c6a3e9d1b2c0011a0b0b1", { name: "Kustom Socks" }),
      },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["brand/1 +eu"], {
      method: "GET",
      path: "/v1/brands/brand%2F1%20%2Beu",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0b1")).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
