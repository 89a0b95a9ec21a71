import { describe, test } from "bun:test";
import { main } from "../../scripts/business_schedules/get_default_schedule.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const schedule = kustomerRecord("schedule", "5f1c6a3e9d1b2c0011a0b0d0", {
  name: "Biz Hours",
  default: true,
  timezone: "America/New_York",
});

describe("get_default_schedule", () => {
  test("sends GET /v1/schedules/default with include=holidays", async () => {
    await callAndCheck(
      main,
      ["holidays"],
      { method: "GET", path: "/v1/schedules/default", query: { include: "holidays" } },
      { status: 200, body: schedule },
    );
  });

  test("without include (or with the form's blank) no query is sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/schedules/default", query: {} });
    await callAndCheck(main, [""], { method: "GET", path: "/v1/schedules/default", query: {} });
  });
});
