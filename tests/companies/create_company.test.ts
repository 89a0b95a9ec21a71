import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/companies/create_company.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const company: Parameters<typeof main>[1] = {
  name: "Acme Robotics",
  externalId: "crm-acct-42",
  emails: [{ type: "work", email: "billing@acme.io" }],
  domains: [{ domain: "acme.io" }],
  locations: [{ type: "work", address: "1 Main St", cityName: "London", countryCode: "GB" }],
  tags: ["enterprise"],
  custom: { tierStr: "gold", seatsNum: 250, renewalAt: "2027-01-01T00:00:00.000Z" },
};

describe("create_company", () => {
  test("sends POST /v1/companies with the fields set and returns the new company", async () => {
    await callAndCheck(
      main,
      [company],
      { method: "POST", path: "/v1/companies", body: company },
      { status: 201, body: kustomerRecord("company", "5f1c6a3e9d1b2c0011a0b0c1", company) },
    );
  });

  testOfficialBody("POST", "/companies", main, [company]);

  test("a missing or too short name and an unknown field are refused before sending", async () => {
    await expectRefused(main, [{ externalId: "crm-acct-42" }], "body.name is required");
    await expectRefused(main, [{ name: "AB" }], "body.name must be at least 3 characters");
    await expectRefused(main, [{ name: "Acme", deleted: true }], "body.deleted is not a field");
  });

  test("a create is not repeated after a 500 (the company may exist)", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, company)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
