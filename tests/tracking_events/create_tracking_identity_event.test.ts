import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/tracking_events/create_tracking_identity_event.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const body = {
  identity: {
    trackingId: "5f1c6a3e9d1b2c0011a0b0a1",
    email: "ada+vip@example.com",
    externalId: "crm-1000",
  },
  event: { trackingId: "5f1c6a3e9d1b2c0011a0b0a1", name: "trial.started" },
};
const created = kustomerRecord("trackingIdentity", "ti1", { email: "ada+vip@example.com" });

describe("create_tracking_identity_event", () => {
  test("sends POST /v1/tracking/identityEvent with identity and event", async () => {
    await callAndCheck(
      main,
      [body],
      { method: "POST", path: "/v1/tracking/identityEvent", body },
      { status: 201, body: created },
    );
  });

  testOfficialBody("POST", "/tracking/identityEvent", main, [body]);

  test("both parts are required, and the event needs a valid name", async () => {
    await expectRefused(main, [{ identity: body.identity }], "body.event is required");
    await expectRefused(main, [{ event: body.event }], "body.identity is required");
    await expectRefused(
      main,
      [{ ...body, event: { name: "trial started" } }],
      "body.event.name does not match the pattern",
    );
  });

  test("a POST is not repeated after a 500", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, body)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
