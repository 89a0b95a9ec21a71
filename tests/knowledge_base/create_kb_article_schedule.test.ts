import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/create_kb_article_schedule.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The page names no body field, so the body goes through as sent.
const sent: Parameters<typeof main>[2] = { publishAt: "2027-01-04T09:00:00.000Z" };
const answer = kustomerRecord("kb_article_schedule", "65a0c1d2e3f4a5b6c7d8e9f2", sent);

describe("create_kb_article_schedule", () => {
  test("sends POST /v1/kb/articles/{id}/schedules and the body as given", async () => {
    await callAndCheck(
      main,
      ["65a0c1d2e3f4a5b6c7d8e9f3", sent],
      {
        method: "POST",
        path: "/v1/kb/articles/65a0c1d2e3f4a5b6c7d8e9f3/schedules",
        query: {},
        body: sent,
      },
      { status: 201, body: answer },
    );
  });

  test("the article id is percent-encoded and required", async () => {
    await callAndCheck(main, ["a/1 +b", sent], {
      method: "POST",
      path: "/v1/kb/articles/a%2F1%20%2Bb/schedules",
      body: sent,
    });
    await expectRefused(main, ["", sent], "id is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["65a0c1d2e3f4a5b6c7d8e9f3", ["2027-01-04"] as never],
      "body must be an object (got a list)",
    );
  });
});
