import { describe, test } from "bun:test";
import { main } from "../../scripts/ai/batch_get_ai_summaries.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "ai_summary",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        resourceType: "conversation",
        summary: "Customer asked where order A-1001 is; agent confirmed it ships today.",
      },
    },
  ],
  links: { next: null },
};

describe("batch_get_ai_summaries", () => {
  test("sends GET /v1/ai/summaries/batch", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/ai/summaries/batch", query: {} },
      { status: 200, body: answer },
    );
  });
});
