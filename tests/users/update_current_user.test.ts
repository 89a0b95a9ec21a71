import { describe, test } from "bun:test";
import { main } from "../../scripts/users/update_current_user.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("update_current_user", () => {
  test("sends PUT /v1/users/current with only the fields set; null clears", async () => {
    await callAndCheck(
      main,
      [{ displayName: "Ada L.", mobile: null, emailSignature: "", roles: [], name: "" }],
      { method: "PUT", path: "/v1/users/current", body: { displayName: "Ada L.", mobile: null } },
      {
        status: 200,
        body: kustomerRecord("user", "5f1c6a3e9d1b2c0011a0b0c1", { displayName: "Ada L." }),
      },
    );
  });

  test("a password change sends both passwords as given", async () => {
    await callAndCheck(main, [{ password: "n3w-Secret!", currentPassword: "0ld-Secret!" }], {
      method: "PUT",
      path: "/v1/users/current",
      body: { password: "n3w-Secret!", currentPassword: "0ld-Secret!" },
    });
  });

  test("an update with nothing set and a userType Kustomer does not take are refused", async () => {
    await expectRefused(main, [{ name: "", roles: [] }], "body has no fields set");
    await expectRefused(
      main,
      [{ userType: "machine" as never }],
      'body.userType must be one of "user", "limited", "hourly"',
    );
  });
});
