import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/klasses/create_klass.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

// status is a string choice; the generated type reads it as an object (reported), hence `as never`.
const klass = {
  name: "order",
  displayName: "Order",
  icon: "cart",
  color: "#4a90e2",
  mixins: ["commentable", "assignable"],
  status: "enabled",
} as never;

describe("create_klass", () => {
  test("sends POST /v1/klasses with the definition and returns the Klass", async () => {
    await callAndCheck(
      main,
      [klass],
      { method: "POST", path: "/v1/klasses", body: klass },
      { status: 200, body: kustomerRecord("klass", "5f1c6a3e9d1b2c0011a0b0a1", klass) },
    );
  });

  testOfficialBody("POST", "/klasses", main, [klass]);

  test("a missing name, a name with spaces and an unknown status are refused", async () => {
    await expectRefused(main, [{ displayName: "Order" }], "body.name is required");
    await expectRefused(main, [{ name: "order items" }], "body.name does not match the pattern");
    await expectRefused(
      main,
      [{ name: "order", status: "archived" as never }],
      'body.status must be one of "enabled", "disabled"',
    );
  });

  test("a create is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, { name: "order" })).rejects.toMatchObject({
      code: "network_error",
    });
    expect(calls).toHaveLength(1);
  });
});
