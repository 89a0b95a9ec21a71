import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/users/get_current_user.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("get_current_user", () => {
  test("sends GET /v1/users/current and returns the key's user", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/users/current" },
      {
        status: 200,
        body: kustomerRecord("user", "5f1c6a3e9d1b2c0011a0b0c1", {
          name: "Windmill sync",
          userType: "machine",
        }),
      },
    );
  });

  test("a 403 for a key without org.user is reported with Kustomer's message", async () => {
    stubFetch(() =>
      jsonResponse(403, { errors: [{ code: "forbidden", message: "Insufficient permissions" }] }),
    );
    await expect(main(TEST_AUTH)).rejects.toMatchObject({
      status: 403,
      code: "forbidden",
      message: expect.stringContaining("Insufficient permissions"),
    });
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
