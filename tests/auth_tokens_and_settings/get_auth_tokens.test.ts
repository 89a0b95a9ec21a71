import { describe, test } from "bun:test";
import { main } from "../../scripts/auth_tokens_and_settings/get_auth_tokens.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "auth_token", id: "5f1c6a3e9d1b2c0011a0b0f1", attributes: {} }],
  links: { next: null },
};

describe("get_auth_tokens", () => {
  test("sends GET /v1/auth/tokens with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 100],
      { method: "GET", path: "/v1/auth/tokens", query: { page: "2", pageSize: "100" } },
      { status: 200, body: page },
    );
  });

  test("without page values no query is sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/auth/tokens", query: {} });
  });

  test("a page that is not a whole number is refused", async () => {
    await expectRefused(main, [1.5], "page must be");
  });
});
