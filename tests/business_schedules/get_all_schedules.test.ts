import { describe, test } from "bun:test";
import { main } from "../../scripts/business_schedules/get_all_schedules.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "schedule", id: "5f1c6a3e9d1b2c0011a0b0d1", attributes: { name: "Biz Hours" } }],
  meta: { page: 2, pageSize: 10 },
  links: { next: null },
};

describe("get_all_schedules", () => {
  test("sends GET /v1/schedules with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 10],
      { method: "GET", path: "/v1/schedules", query: { page: "2", pageSize: "10" } },
      { status: 200, body: page },
    );
  });

  test("without values no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/schedules", query: {} },
      {
        status: 200,
        body: page,
      },
    );
  });
});
