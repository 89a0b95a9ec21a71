import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/users/reset_users_password.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const request = { domain: "acme", email: "ada+vip@example.com" };

describe("reset_users_password", () => {
  test("sends POST /v1/users/passwordreset with domain and email", async () => {
    await callAndCheck(
      main,
      [request],
      { method: "POST", path: "/v1/users/passwordreset", body: request },
      { status: 200, body: { data: { type: "passwordreset" } } },
    );
  });

  test("domain and email are both required", async () => {
    await expectRefused(main, [{ email: "ada@example.com" } as never], "body.domain is required");
    await expectRefused(main, [{ domain: "acme", email: "" }], "body.email is required");
  });

  test("it is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, request)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
