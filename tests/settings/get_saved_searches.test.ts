import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_saved_searches.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "saved_searche",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "Open VIP conversations", dataHash: "c41d7e", icon: "star" },
    },
  ],
  links: { next: null },
};

describe("get_saved_searches", () => {
  test("sends GET /v1/customers/searches with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/customers/searches", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/customers/searches", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
