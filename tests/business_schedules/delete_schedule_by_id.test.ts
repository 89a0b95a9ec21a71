import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/business_schedules/delete_schedule_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0d1";
const deleted = kustomerRecord("schedule", id, {
  name: "Holiday cover",
  deleted: true,
  deletedAt: "2026-01-15T09:30:00.000Z",
});

describe("delete_schedule_by_id", () => {
  test("sends DELETE /v1/schedules/{id}; the 200 answer (the deleted schedule) is returned", async () => {
    await callAndCheck(
      main,
      [id],
      { method: "DELETE", path: `/v1/schedules/${id}` },
      { status: 200, body: deleted },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["sched/1 +eu"], {
      method: "DELETE",
      path: "/v1/schedules/sched%2F1%20%2Beu",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 is retried: a DELETE is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, deleted),
    );
    expect(await main(TEST_AUTH, id)).toEqual(deleted);
    expect(calls).toHaveLength(2);
  });
});
