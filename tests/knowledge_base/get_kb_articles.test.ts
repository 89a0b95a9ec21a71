import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_kb_articles.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "kb_article",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { hash: "9f2c4e7a1b", title: "How to return an item", source: "en_us" },
    },
  ],
  links: { next: null },
};

describe("get_kb_articles", () => {
  test("sends GET /v1/kb/articles with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/kb/articles", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/kb/articles", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
