import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_settings.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "setting",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "enabled", app: "kustomer", category: "chat" },
    },
  ],
  links: { next: null },
};

describe("get_settings", () => {
  test("sends GET /v1/settings with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/settings", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/settings", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
