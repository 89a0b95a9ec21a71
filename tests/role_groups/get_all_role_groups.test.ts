import { describe, test } from "bun:test";
import { main } from "../../scripts/role_groups/get_all_role_groups.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const page = {
  data: [
    {
      type: "role-group",
      id: "5f1c6a3e9d1b2c0011a0b0d1",
      attributes: { name: "Support agents", roles: ["org.permission.customer.read"] },
    },
  ],
  links: { next: null },
};

describe("get_all_role_groups", () => {
  test("sends GET /v1/role-groups with page and pageSize", async () => {
    await callAndCheck(
      main,
      [3, 50],
      { method: "GET", path: "/v1/role-groups", query: { page: "3", pageSize: "50" } },
      { status: 200, body: page },
    );
  });

  test("without page values no query is sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/role-groups", query: {} });
  });

  test("a page of 0 is refused", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
