import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/tracking_events/create_tracking_event.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const event = {
  trackingId: "5f1c6a3e9d1b2c0011a0b0a1",
  sessionId: "5f1c6a3e9d1b2c0011a0b0a2",
  name: "checkout.completed",
};

describe("create_tracking_event", () => {
  test("sends POST /v1/tracking/event; Kustomer's 204 returns null", async () => {
    await callAndCheck(
      main,
      [event],
      { method: "POST", path: "/v1/tracking/event", body: event },
      { status: 204 },
    );
  });

  testOfficialBody("POST", "/tracking/event", main, [event]);

  test("a missing or badly formed name is refused before sending", async () => {
    await expectRefused(main, [{ trackingId: event.trackingId }], "body.name is required");
    await expectRefused(
      main,
      [{ ...event, name: "1st-visit" }],
      "body.name does not match the pattern Kustomer requires",
    );
    await expectRefused(
      main,
      [{ ...event, name: `a${"b".repeat(255)}` }],
      "body.name is 256 characters long; at most 255 allowed",
    );
  });

  test("a POST is not repeated after a 500", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, event)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
