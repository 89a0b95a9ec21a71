import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_published_articles.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "published_article",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        title: "How to return an item",
        metaDescription: "Print the label and drop the parcel off.",
        htmlBody: "<p>Print the label, then drop it off.</p>",
      },
    },
  ],
  links: { next: null },
};

describe("get_published_articles", () => {
  test("sends GET /p/v3/kb/articles with knowledgeBaseId and page and pageSize", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0e5", 2, 50],
      {
        method: "GET",
        path: "/p/v3/kb/articles",
        query: { knowledgeBaseId: "5f1c6a3e9d1b2c0011a0b0e5", page: "2", pageSize: "50" },
      },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/p/v3/kb/articles", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [undefined, 0], "page must be at least 1");
  });
});
