import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_kb_templates.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "kb_template",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        title: "How to return an item",
        description: "Used by the support team",
        version: "2.1.0",
      },
    },
  ],
  links: { next: null },
};

describe("get_kb_templates", () => {
  test("sends GET /v3/kb/templates", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v3/kb/templates", query: {} },
      { status: 200, body: answer },
    );
  });
});
