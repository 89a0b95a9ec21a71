import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/brands/get_default_brand.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("get_default_brand", () => {
  test("sends GET /v1/brands/default and returns the default brand", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/brands/default" },
      {
        status: 200,
        body: kustomerRecord("brand", "5f1c6a3e9d1b2c0011a0b0b0", { name: "Acme", default: true }),
      },
    );
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
