import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/role_groups/create_role_group.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const group: Parameters<typeof main>[1] = {
  name: "Billing agents",
  description: "Agents who read customers and update conversations about invoices",
  display: true,
  roles: ["org.permission.customer.read", "org.permission.conversation.update"],
};

describe("create_role_group", () => {
  test("sends POST /v1/role-groups with the fields set and returns the group", async () => {
    await callAndCheck(
      main,
      [group],
      { method: "POST", path: "/v1/role-groups", body: group },
      { status: 201, body: kustomerRecord("role-group", "5f1c6a3e9d1b2c0011a0b0d1", group) },
    );
  });

  test("name is required; display must be a boolean", async () => {
    await expectRefused(main, [{ ...group, name: "" }], "body.name is required");
    await expectRefused(main, [{ ...group, display: "yes" as never }], "body.display must be");
  });

  test("a create is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, group)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
