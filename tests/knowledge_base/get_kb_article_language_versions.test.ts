import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_kb_article_language_versions.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("kb_article_version", "5f1c6a3e9d1b2c0011a0b0c7", {
  lang: "en_us",
  title: "How to return an item",
  status: "draft",
});

describe("get_kb_article_language_versions", () => {
  test("sends GET /v1/kb/articles/{id}/versions/{lang}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", "en_us"],
      { method: "GET", path: `/v1/kb/articles/5f1c6a3e9d1b2c0011a0b0c7/versions/en_us`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", "en_us"], {
      method: "GET",
      path: "/v1/kb/articles/acct%2F42%20%2Bvip/versions/en_us",
    });
    await expectRefused(main, ["", "en_us"], "id is required");
  });
});
