import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/get_queues.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "queue",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "vip", displayName: "VIP Support", priority: 2 },
    },
  ],
  links: { next: null },
};

describe("get_queues", () => {
  test("sends GET /v1/routing/queues with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 50],
      { method: "GET", path: "/v1/routing/queues", query: { page: "2", pageSize: "50" } },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/routing/queues", query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, [0], "page must be at least 1");
  });

  test("looks a queue up by key, as Kustomer's routing guide does before creating one", async () => {
    await callAndCheck(
      main,
      [undefined, undefined, "billing"],
      { method: "GET", path: "/v1/routing/queues", query: { key: "billing" } },
      { status: 200, body: answer },
    );
  });
});
