import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_routing_statuses.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "routing_status",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { name: "Available", statusType: "available", selectable: true },
    },
  ],
  links: { next: null },
};

describe("get_routing_statuses", () => {
  test("sends GET /v1/routing/statuses", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/routing/statuses", query: {} },
      { status: 200, body: answer },
    );
  });
});
