import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/teams/create_team.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const team: Parameters<typeof main>[1] = {
  name: "Tier 2 Support",
  displayName: "Tier 2",
  icon: "headset",
  externalId: "okta-group-42",
  members: ["5f1c6a3e9d1b2c0011a0b0c1", "5f1c6a3e9d1b2c0011a0b0c2"],
};

describe("create_team", () => {
  test("sends POST /v1/teams with the fields set and returns the team", async () => {
    await callAndCheck(
      main,
      [{ ...team, importedAt: "" }],
      { method: "POST", path: "/v1/teams", body: team },
      { status: 201, body: kustomerRecord("team", "5f1c6a3e9d1b2c0011a0b0e1", team) },
    );
  });

  test("name is required", async () => {
    await expectRefused(main, [{ ...team, name: "" }], "body.name is required");
  });

  test("a create is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, team)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });

  test("a 429 is retried: Kustomer did not process it", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(429, {}, { "retry-after": "0" }) : jsonResponse(201, { data: {} }),
    );
    expect(await main(TEST_AUTH, team)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
