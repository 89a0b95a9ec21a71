import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/delete_current_auth_token.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("delete_current_auth_token", () => {
  test("sends DELETE /v1/auth/tokens/current without a body; a 204 returns null", async () => {
    await callAndCheck(
      main,
      [],
      { method: "DELETE", path: "/v1/auth/tokens/current" },
      { status: 204 },
    );
  });

  test("a DELETE is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH)).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
