import { describe, test } from "bun:test";
import { main } from "../../scripts/business_schedules/get_schedule_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0d1";

describe("get_schedule_by_id", () => {
  test("sends GET /v1/schedules/{id} with include=holidays and returns the schedule", async () => {
    await callAndCheck(
      main,
      [id, "holidays"],
      { method: "GET", path: `/v1/schedules/${id}`, query: { include: "holidays" } },
      { status: 200, body: kustomerRecord("schedule", id, { name: "Biz Hours" }) },
    );
  });

  test("without include no query is sent", async () => {
    await callAndCheck(main, [id], { method: "GET", path: `/v1/schedules/${id}`, query: {} });
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["sched/1 +eu"], {
      method: "GET",
      path: "/v1/schedules/sched%2F1%20%2Beu",
    });
    await expectRefused(main, ["", "holidays"], "id is required");
  });
});
