import { describe, test } from "bun:test";
import { main } from "../../scripts/slas/get_slas.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "sla",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "Standard SLA", currentVersion: 3 },
    },
  ],
  links: { next: null },
};

describe("get_slas", () => {
  test("sends GET /v1/slas with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/slas", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/slas", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });
});
