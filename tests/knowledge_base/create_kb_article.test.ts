import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/create_kb_article.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  title: "How to return an item",
  lang: "en_us",
  categories: ["5f1c6a3e9d1b2c0011a0b0f4"],
};
const answer = kustomerRecord("kb_article", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_kb_article", () => {
  test("sends POST /v1/kb/articles and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/kb/articles", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      [["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
