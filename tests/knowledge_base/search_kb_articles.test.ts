import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/search_kb_articles.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "kb_article",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { lang: "en_us", title: "How to return an item", slug: "how-to-return-an-item" },
    },
  ],
  links: { next: null },
};

describe("search_kb_articles", () => {
  test("sends GET /v1/kb/articles/search", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/kb/articles/search", query: {} },
      { status: 200, body: answer },
    );
  });
});
