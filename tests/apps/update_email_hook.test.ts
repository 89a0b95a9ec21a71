import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/update_email_hook.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = { debug: true };
const answer = kustomerRecord("hook", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("update_email_hook", () => {
  test("sends PATCH /v1/hooks/email/{id} and only the body given", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", sent],
      { method: "PATCH", path: "/v1/hooks/email/5f1c6a3e9d1b2c0011a0b0c7", query: {}, body: sent },
      { status: 200, body: answer },
    );
  });

  test("debug must be a boolean", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", { debug: "yes" } as never],
      'body.debug must be true or false (got "yes")',
    );
  });

  test("fields the page does not name are sent as they are", async () => {
    const extra = { debug: false, name: "Order emails" };
    await callAndCheck(main, ["5f1c6a3e9d1b2c0011a0b0c7", extra as never], {
      method: "PATCH",
      path: "/v1/hooks/email/5f1c6a3e9d1b2c0011a0b0c7",
      body: extra,
    });
  });

  test("the id is required", async () => {
    await expectRefused(main, ["", sent], "id is required");
  });
});
