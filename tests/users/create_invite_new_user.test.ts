import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/users/create_invite_new_user.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const invite: Parameters<typeof main>[1] = {
  name: "Ada Lovelace",
  displayName: "Ada",
  email: "ada+vip@example.com",
  userType: "user",
  roleGroups: ["5f1c6a3e9d1b2c0011a0b0d1"],
  roles: ["org.permission.customer.read"],
};

describe("create_invite_new_user", () => {
  test("sends POST /v1/users with the fields set and returns the new user", async () => {
    await callAndCheck(
      main,
      [{ ...invite, mobile: "", emailSignature: null }],
      { method: "POST", path: "/v1/users", body: { ...invite, emailSignature: null } },
      { status: 201, body: kustomerRecord("user", "5f1c6a3e9d1b2c0011a0b0c1", invite) },
    );
  });

  test("name and email are required; userType must be one Kustomer lists", async () => {
    await expectRefused(main, [{ name: "Ada Lovelace" } as never], "body.email is required");
    await expectRefused(main, [{ ...invite, name: "" }], "body.name is required");
    await expectRefused(
      main,
      [{ ...invite, userType: "admin" as never }],
      'body.userType must be one of "user", "machine", "limited", "hourly"',
    );
  });

  test("a create is not repeated after a 500 (the user may have been invited)", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, invite)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
