import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/get_form_hook_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("hook", "5f1c6a3e9d1b2c0011a0b0c6", { name: "Contact form" });

describe("get_form_hook_by_id", () => {
  test("sends GET /v1/hooks/form/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c6"],
      { method: "GET", path: "/v1/hooks/form/5f1c6a3e9d1b2c0011a0b0c6", query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["h/1 +x"], { method: "GET", path: "/v1/hooks/form/h%2F1%20%2Bx" });
    await expectRefused(main, [""], "id is required");
  });
});
