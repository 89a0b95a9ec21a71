import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/get_available_apps.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "available_app",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        name: "shopify",
        version: "2.1.0",
        visibility: "public",
      },
    },
  ],
  links: { next: null },
};

describe("get_available_apps", () => {
  test("sends GET /v1/apps/available with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/apps/available", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/apps/available", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
