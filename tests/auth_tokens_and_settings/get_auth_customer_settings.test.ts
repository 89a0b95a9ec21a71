import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/get_auth_customer_settings.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("get_auth_customer_settings", () => {
  test("sends GET /v1/auth/customer/settings and returns the settings", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/auth/customer/settings" },
      { status: 200, body: { data: { type: "auth_customer_settings", attributes: {} } } },
    );
  });

  test("a 401 for a key without org.admin is reported, not retried", async () => {
    const calls = stubFetch(() =>
      jsonResponse(401, { errors: [{ code: "unauthorized", message: "Unauthorized" }] }),
    );
    await expect(main(TEST_AUTH)).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    expect(calls).toHaveLength(1);
  });
});
