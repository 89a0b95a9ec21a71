import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/create_token.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const PASSWORD = "c0rrect-H0rse-battery!";
const login = { domain: "acme", email: "ada+vip@example.com", password: PASSWORD, remember: false };

describe("create_token", () => {
  test("sends POST /v1/auth/tokens with the sign-in fields and returns the token", async () => {
    await callAndCheck(
      main,
      [{ ...login, samlAuthToken: "" }],
      { method: "POST", path: "/v1/auth/tokens", body: login },
      { status: 201, body: { data: { type: "auth_token", id: "5f1c6a3e9d1b2c0011a0b0f1" } } },
    );
  });

  test("a failed sign-in neither repeats the call nor puts the password in the error", async () => {
    const calls = stubFetch(() =>
      jsonResponse(401, { errors: [{ code: "unauthorized", message: "Invalid credentials" }] }),
    );
    const error = await main(TEST_AUTH, login).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, message: expect.stringContaining("Invalid") });
    expect(calls).toHaveLength(1);
    const text = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)}`;
    expect(text).not.toContain(PASSWORD);
  });

  test("a form with nothing filled in and a non-boolean remember are refused", async () => {
    await expectRefused(main, [{ email: "", password: "" }], "body has no fields set");
    await expectRefused(main, [{ ...login, remember: "yes" as never }], "body.remember must be");
  });
});
