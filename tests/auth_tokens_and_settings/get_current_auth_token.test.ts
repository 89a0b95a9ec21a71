import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/get_current_auth_token.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("get_current_auth_token", () => {
  test("sends GET /v1/auth/tokens/current and returns the token", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/auth/tokens/current" },
      { status: 200, body: { data: { type: "auth_token", id: "5f1c6a3e9d1b2c0011a0b0f1" } } },
    );
  });

  test("the EU host is used for an EU key", async () => {
    const calls = stubFetch(() => jsonResponse(200, { data: {} }));
    await main({ ...TEST_AUTH, region: "eu" });
    expect(calls[0]?.url.origin).toBe("https://api.prod2.kustomerapp.com");
  });

  test("a region mismatch with a region set is reported with Kustomer's message, not retried", async () => {
    const message = "Auth token associated with pod prod2 but request is being handled by prod1";
    const calls = stubFetch(() =>
      jsonResponse(401, { errors: [{ code: "unauthorized", message }] }),
    );
    await expect(main({ ...TEST_AUTH, region: "us" })).rejects.toThrow(message);
    expect(calls).toHaveLength(1);
  });

  test("with no region set, the request goes once more to the key's region", async () => {
    const message = "Auth token associated with pod prod2 but request is being handled by prod1";
    const calls = stubFetch((request) =>
      request.url.origin === "https://api.prod2.kustomerapp.com"
        ? jsonResponse(200, { data: { id: "token-1" } })
        : jsonResponse(401, { errors: [{ code: "unauthorized", message }] }),
    );
    await expect(main({ apiKey: "a-key-of-the-eu-region" })).resolves.toEqual({
      data: { id: "token-1" },
    });
    expect(calls.map((call) => call.url.origin)).toEqual([
      "https://api.kustomerapp.com",
      "https://api.prod2.kustomerapp.com",
    ]);
  });
});
