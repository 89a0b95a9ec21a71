import { describe, test } from "bun:test";
import { main } from "../../scripts/users/get_users.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = {
  data: [
    {
      type: "user",
      id: "5f1c6a3e9d1b2c0011a0b0c1",
      attributes: { name: "Ada Lovelace", email: "ada+vip@example.com", userType: "user" },
    },
  ],
  meta: { page: 2, pageSize: 500 },
  links: { next: null },
};

describe("get_users", () => {
  test("sends GET /v1/users with every filter and page values", async () => {
    await callAndCheck(
      main,
      [false, true, "machine", "ada+vip@example.com", 2, 500],
      {
        method: "GET",
        path: "/v1/users",
        query: {
          pending: "false",
          deleted: "true",
          userType: "machine",
          email: "ada+vip@example.com",
          page: "2",
          pageSize: "500",
        },
      },
      { status: 200, body: page },
    );
  });

  test("without filters or page values no query is sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/users", query: {} });
  });

  test("a userType Kustomer does not list and a page of 0 are refused", async () => {
    await expectRefused(
      main,
      [undefined, undefined, "admin" as never],
      'userType must be one of "user", "machine", "limited"',
    );
    await expectRefused(
      main,
      [undefined, undefined, undefined, undefined, 0],
      "page must be at least 1",
    );
  });
});
