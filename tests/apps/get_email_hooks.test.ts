import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/get_email_hooks.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "email_hook",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        title: "How to return an item",
        description: "Used by the support team",
        email: "orders@hooks.acme.example",
      },
    },
  ],
  links: { next: null },
};

describe("get_email_hooks", () => {
  test("sends GET /v1/hooks/email with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/hooks/email", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/hooks/email", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
