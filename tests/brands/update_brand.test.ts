import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/brands/update_brand.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0b1";
const brand = { name: "Kustom Socks, VIP", iconUrl: "https://cdn.example.com/brands/vip.svg" };

describe("update_brand", () => {
  test("sends PATCH /v1/brands/{id} with name and iconUrl and returns the brand", async () => {
    await callAndCheck(
      main,
      [id, brand],
      { method: "PATCH", path: `/v1/brands/${id}`, body: brand },
      { status: 200, body: kustomerRecord("brand", id, brand) },
    );
  });

  testOfficialBody("PATCH", "/brands/{id}", main, [id, brand]);

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["brand/1 +eu", brand], {
      method: "PATCH",
      path: "/v1/brands/brand%2F1%20%2Beu",
      body: brand,
    });
    await expectRefused(main, ["", brand], "id is required");
  });

  test("Kustomer's schema wants both fields: an update without iconUrl is refused", async () => {
    await expectRefused(main, [id, { name: "Kustom Socks, VIP" }], "body.iconUrl is required");
  });

  test("a PATCH is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, id, brand)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
