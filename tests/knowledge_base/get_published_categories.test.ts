import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_published_categories.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "published_category",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        title: "How to return an item",
        description: "Used by the support team",
        slug: "how-to-return-an-item",
      },
    },
  ],
  links: { next: null },
};

describe("get_published_categories", () => {
  test("sends GET /p/v3/kb/categories", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/p/v3/kb/categories", query: {} },
      { status: 200, body: answer },
    );
  });
});
