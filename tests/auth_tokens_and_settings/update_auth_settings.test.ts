import { describe, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/update_auth_settings.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const settings: Parameters<typeof main>[1] = {
  kustomer: { enabled: true },
  google: { enabled: false },
  saml: { enabled: true, entryPoint: "https://idp.example.com/sso/saml" },
};

describe("update_auth_settings", () => {
  test("sends PUT /v1/auth/settings with the sections given and returns the answer", async () => {
    await callAndCheck(
      main,
      [{ ...settings, app: {} }],
      { method: "PUT", path: "/v1/auth/settings", body: settings },
      { status: 200, body: { data: { type: "auth_settings", attributes: settings } } },
    );
  });

  test("the kustomer and google sections are required; a blank section counts as missing", async () => {
    await expectRefused(
      main,
      [{ kustomer: { enabled: true } } as never],
      "body.google is required",
    );
    await expectRefused(
      main,
      [{ kustomer: {}, google: { enabled: true } }],
      "body.kustomer is required",
    );
  });

  test("a section must be an object", async () => {
    await expectRefused(main, [{ ...settings, google: "enabled" as never }], "body.google must be");
  });
});
