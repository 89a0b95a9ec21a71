import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_shortcuts.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "shortcut",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        name: "Return label",
        createdAt: "2024-05-02T10:00:00.000Z",
        modifiedAt: "2024-05-02T10:00:00.000Z",
      },
    },
  ],
  links: { next: null },
};

describe("get_shortcuts", () => {
  test("sends GET /v1/shortcuts with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/shortcuts", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/shortcuts", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
