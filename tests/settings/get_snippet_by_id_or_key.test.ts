import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_snippet_by_id_or_key.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("snippet", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "Return window",
  key: "return_window",
  langs: { en_us: "30 days" },
});

describe("get_snippet_by_id_or_key", () => {
  test("sends GET /v1/snippets/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/snippets/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/snippets/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });
});
