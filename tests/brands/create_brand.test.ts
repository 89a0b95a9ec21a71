import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/brands/create_brand.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const brand = { name: "Kustom Socks", iconUrl: "https://cdn.example.com/brands/kustom-socks.svg" };

describe("create_brand", () => {
  test("sends POST /v1/brands with the name and icon and returns the brand", async () => {
    await callAndCheck(
      main,
      [brand],
      { method: "POST", path: "/v1/brands", body: brand },
      { status: 201, body: kustomerRecord("brand", "5f1c6a3e9d1b2c0011a0b0b1", brand) },
    );
  });

  testOfficialBody("POST", "/brands", main, [brand]);

  test("a missing icon URL is refused before sending", async () => {
    await expectRefused(main, [{ name: "Kustom Socks" }], "body.iconUrl is required");
    await expectRefused(main, [{ ...brand, name: "" }], "body.name is required");
  });

  test("a create is not repeated after a 500 (the brand may exist)", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, brand)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
