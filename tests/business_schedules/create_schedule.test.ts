import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/business_schedules/create_schedule.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const weekday = [
  [480, 720],
  [780, 1020],
];
const schedule: Parameters<typeof main>[1] = {
  name: "Support hours",
  timezone: "America/New_York",
  default: false,
  hours: {
    "0": [[600, 840]],
    "1": weekday,
    "2": weekday,
    "3": weekday,
    "4": weekday,
    "5": weekday,
    "6": [[600, 840]],
  },
};

describe("create_schedule", () => {
  test("sends POST /v1/schedules with the schedule and returns it", async () => {
    await callAndCheck(
      main,
      [schedule],
      { method: "POST", path: "/v1/schedules", body: schedule },
      { status: 200, body: kustomerRecord("schedule", "5f1c6a3e9d1b2c0011a0b0d1", schedule) },
    );
  });

  testOfficialBody("POST", "/schedules", main, [schedule]);

  test("null marks a closed day and is sent as null", async () => {
    // The generated type does not admit null for a day (reported); the schema and Kustomer do.
    const closedWeekends = {
      ...schedule,
      hours: { ...schedule.hours, "0": null, "6": null },
    } as never;
    await callAndCheck(main, [closedWeekends], {
      method: "POST",
      path: "/v1/schedules",
      body: closedWeekends,
    });
  });

  test("a missing weekday, a range that is not a pair and minutes past 1440 are refused", async () => {
    const { "6": _saturday, ...sixDays } = schedule.hours;
    await expectRefused(
      main,
      [{ ...schedule, hours: sixDays as never }],
      "body.hours.6 is required",
    );
    await expectRefused(
      main,
      [{ ...schedule, hours: { ...schedule.hours, "1": [[480]] } }],
      "body.hours.1[0] has 1 items; pass at least 2",
    );
    await expectRefused(
      main,
      [{ ...schedule, hours: { ...schedule.hours, "2": [[480, 1500]] } }],
      "body.hours.2[0][1] must be at most 1440",
    );
    await expectRefused(
      main,
      [{ ...schedule, timezone: undefined as never }],
      "body.timezone is required",
    );
  });

  test("a create is not repeated after a 500", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, schedule)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
