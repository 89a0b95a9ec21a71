import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/auth_roles/get_auth_roles.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const roles = {
  data: [
    { type: "role", id: "org.permission.customer.read", attributes: {} },
    { type: "role", id: "org.user.customer.write", attributes: {} },
  ],
};

describe("get_auth_roles", () => {
  test("sends GET /v1/auth/roles without query or body and returns the roles", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/auth/roles", query: {} },
      { status: 200, body: roles },
    );
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, roles),
    );
    expect(await main(TEST_AUTH)).toEqual(roles);
    expect(calls).toHaveLength(2);
  });
});
