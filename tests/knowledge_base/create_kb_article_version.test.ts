import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/create_kb_article_version.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[3] = {
  title: "How to return an item",
  htmlBody: "<p>Print the label, then drop it off.</p>",
};
const answer = kustomerRecord("kb_article_version", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_kb_article_version", () => {
  test("sends POST /v1/kb/articles/{id}/versions/{lang} and the body", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", "en_us", sent],
      {
        method: "POST",
        path: `/v1/kb/articles/5f1c6a3e9d1b2c0011a0b0c7/versions/en_us`,
        query: {},
        body: sent,
      },
      { status: 201, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", "en_us", sent], {
      method: "POST",
      path: "/v1/kb/articles/acct%2F42%20%2Bvip/versions/en_us",
      body: sent,
    });
    await expectRefused(main, ["", "en_us", sent], "id is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", "en_us", ["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
