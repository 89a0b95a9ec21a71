import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/tracking_events/create_tracking_identity.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const identity = {
  trackingId: "5f1c6a3e9d1b2c0011a0b0a1",
  sessionId: "5f1c6a3e9d1b2c0011a0b0a2",
  email: "ada+vip@example.com",
  name: "Ada Lovelace",
  externalId: "crm-1000",
  locale: "en-GB",
  custom: { tierStr: "gold" },
};
const created = kustomerRecord("trackingIdentity", "ti1", {
  trackingId: identity.trackingId,
  email: identity.email,
  status: "identified",
});

describe("create_tracking_identity", () => {
  test("sends POST /v1/tracking/identity and returns the identity", async () => {
    await callAndCheck(
      main,
      [identity],
      { method: "POST", path: "/v1/tracking/identity", body: identity },
      { status: 201, body: created },
    );
  });

  test("fields the form left blank are not sent", async () => {
    await callAndCheck(main, [{ email: identity.email, name: "", tags: [] }], {
      method: "POST",
      path: "/v1/tracking/identity",
      body: { email: identity.email },
    });
  });

  testOfficialBody("POST", "/tracking/identity", main, [
    { ...identity, gender: "f", location: { cityName: "London", countryCode: "GB" } },
  ]);

  test("a wrong gender or a too long locale is refused before sending", async () => {
    await expectRefused(
      main,
      [{ ...identity, gender: "x" }],
      'body.gender must be one of "m", "f"',
    );
    await expectRefused(
      main,
      [{ ...identity, locale: "en-GB-x-".repeat(3) }],
      "body.locale is 24 characters long; at most 16 allowed",
    );
  });

  test("a POST is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, identity)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
