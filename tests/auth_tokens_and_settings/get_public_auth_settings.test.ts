import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/get_public_auth_settings.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("get_public_auth_settings", () => {
  test("sends GET /v1/p/auth/settings (with the key, as every script does)", async () => {
    // callAndCheck also checks that the Authorization header carries the key.
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/p/auth/settings" },
      { status: 200, body: { data: { type: "auth_settings", attributes: {} } } },
    );
  });

  test("the org host is used when orgName is set", async () => {
    const calls = stubFetch(() => jsonResponse(200, { data: {} }));
    await main({ ...TEST_AUTH, orgName: "acme" });
    expect(calls[0]?.url.href).toBe("https://acme.api.kustomerapp.com/v1/p/auth/settings");
  });
});
