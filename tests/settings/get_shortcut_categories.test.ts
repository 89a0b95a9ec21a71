import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_shortcut_categories.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "shortcut_category",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        name: "Returns",
        createdAt: "2024-05-02T10:00:00.000Z",
        modifiedAt: "2024-05-02T10:00:00.000Z",
      },
    },
  ],
  links: { next: null },
};

describe("get_shortcut_categories", () => {
  test("sends GET /v1/shortcuts/categories", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/shortcuts/categories", query: {} },
      { status: 200, body: answer },
    );
  });
});
