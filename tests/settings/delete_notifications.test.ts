import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/settings/delete_notifications.ts";
import { callAndCheck } from "../helpers/request-check.ts";

describe("delete_notifications", () => {
  test("sends DELETE /v1/notifications with no query and no body", async () => {
    await callAndCheck(
      main,
      [],
      { method: "DELETE", path: "/v1/notifications", query: {} },
      { status: 204 },
    );
  });

  test("the script takes nothing but the resource", () => {
    // Kustomer's page documents no parameter: the call always acts on the key's own user.
    expect(main.length).toBe(1);
  });
});
