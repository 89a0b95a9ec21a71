import { describe, test } from "bun:test";
import { main } from "../../scripts/users/update_user_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const changes: Parameters<typeof main>[2] = {
  name: "Ada Lovelace",
  userType: "limited",
  roleGroups: ["5f1c6a3e9d1b2c0011a0b0d1", "5f1c6a3e9d1b2c0011a0b0d2"],
  avatarUrl: null,
};

describe("update_user_by_id", () => {
  test("sends PUT /v1/users/{id} with only the fields set and returns the user", async () => {
    await callAndCheck(
      main,
      [ID, { ...changes, email: "", roles: [] }],
      { method: "PUT", path: `/v1/users/${ID}`, body: changes },
      { status: 200, body: kustomerRecord("user", ID, changes) },
    );
  });

  test("deactivating a user is deleted: true", async () => {
    await callAndCheck(main, [ID, { deleted: true }], {
      method: "PUT",
      path: `/v1/users/${ID}`,
      body: { deleted: true },
    });
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["ada+vip@example.com", { name: "Ada" }], {
      method: "PUT",
      path: "/v1/users/ada%2Bvip%40example.com",
      body: { name: "Ada" },
    });
    await expectRefused(main, ["", changes], "id is required");
  });

  test("a userType Kustomer does not take here is refused", async () => {
    await expectRefused(
      main,
      [ID, { userType: "machine" as never }],
      'body.userType must be one of "user", "limited", "hourly"',
    );
  });
});
