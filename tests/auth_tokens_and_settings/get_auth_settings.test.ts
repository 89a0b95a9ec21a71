import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/get_auth_settings.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const settings = {
  data: {
    type: "auth_settings",
    attributes: { kustomer: { enabled: true }, google: { enabled: false }, saml: {}, app: {} },
  },
};

describe("get_auth_settings", () => {
  test("sends GET /v1/auth/settings and returns the settings", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/auth/settings" },
      { status: 200, body: settings },
    );
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, settings),
    );
    expect(await main(TEST_AUTH)).toEqual(settings);
    expect(calls).toHaveLength(2);
  });
});
