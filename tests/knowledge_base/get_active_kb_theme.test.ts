import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_active_kb_theme.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("kb_theme", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "Acme help center",
  active: true,
  default: true,
});

describe("get_active_kb_theme", () => {
  test("sends GET /v3/kb/themes/active", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v3/kb/themes/active", query: {} },
      { status: 200, body: answer },
    );
  });
});
