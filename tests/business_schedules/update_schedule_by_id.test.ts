import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/business_schedules/update_schedule_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0d1";
const day = [[480, 1020]];
const schedule: Parameters<typeof main>[2] = {
  name: "Biz Hours",
  timezone: "Europe/London",
  default: true,
  hours: { "0": day, "1": day, "2": day, "3": day, "4": day, "5": day, "6": day },
};

describe("update_schedule_by_id", () => {
  test("sends PUT /v1/schedules/{id} with the whole schedule and returns it", async () => {
    await callAndCheck(
      main,
      [id, schedule],
      { method: "PUT", path: `/v1/schedules/${id}`, body: schedule },
      { status: 200, body: kustomerRecord("schedule", id, schedule) },
    );
  });

  testOfficialBody("PUT", "/schedules/{id}", main, [id, schedule]);

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["sched/1 +eu", schedule], {
      method: "PUT",
      path: "/v1/schedules/sched%2F1%20%2Beu",
      body: schedule,
    });
    await expectRefused(main, ["", schedule], "id is required");
  });

  test("a partial schedule is refused: Kustomer wants all of it", async () => {
    await expectRefused(main, [id, { name: "Biz Hours" } as never], "body.hours is required");
    await expectRefused(
      main,
      [id, { ...schedule, name: "x".repeat(257) }],
      "body.name is 257 characters long",
    );
  });

  test("a 500 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, id, schedule)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
