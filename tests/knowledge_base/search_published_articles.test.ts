import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/search_published_articles.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "published_article",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        article: "5f1c6a3e9d1b2c0011a0b0f8",
        title: "How to return an item",
        primaryCategory: "5f1c6a3e9d1b2c0011a0b0f4",
      },
    },
  ],
  links: { next: null },
};

describe("search_published_articles", () => {
  test("sends GET /p/v3/kb/articles/search", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/p/v3/kb/articles/search", query: {} },
      { status: 200, body: answer },
    );
  });
});
