import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_pinned_searches.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "pinned_searche",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { search: "5f1c6a3e9d1b2c0011a0b0f7", createdAt: "2024-05-02T10:00:00.000Z" },
    },
  ],
  links: { next: null },
};

describe("get_pinned_searches", () => {
  test("sends GET /v1/customers/searches/pinned", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/customers/searches/pinned", query: {} },
      { status: 200, body: answer },
    );
  });
});
