import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_kb_article_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("kb_article", "5f1c6a3e9d1b2c0011a0b0c7", {
  title: "How to return an item",
  status: "published",
  scope: "external",
});

describe("get_kb_article_by_id", () => {
  test("sends GET /v1/kb/articles/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/kb/articles/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/kb/articles/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });
});
