import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/companies/bulk_create_companies.ts";
import { stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0e1", attributes: { status: "queued" } },
};
const companies: Parameters<typeof main>[1] = [
  { _clientRef: "row-1", name: "Acme Robotics", externalId: "crm-acct-42", tags: ["enterprise"] },
  {
    _clientRef: "row-2",
    name: "Globex Corporation",
    externalId: "crm-acct-43",
    domains: [{ domain: "globex.com" }],
    custom: { tierStr: "silver" },
  },
];

describe("bulk_create_companies", () => {
  test("sends POST /v1/companies/bulk with the list and returns the queued bulk operation", async () => {
    await callAndCheck(
      main,
      [companies],
      { method: "POST", path: "/v1/companies/bulk", body: companies },
      { status: 201, body: queued },
    );
  });

  testOfficialBody("POST", "/companies/bulk", main, [companies]);

  test("an item without a name, an empty list and more than 100 items are refused", async () => {
    await expectRefused(
      main,
      [[...companies, { externalId: "crm-acct-44" }]],
      "body[2].name is required",
    );
    await expectRefused(main, [[]], "pass at least 1");
    const many = Array.from({ length: 101 }, (_, index) => ({ name: `Company ${index}` }));
    await expectRefused(main, [many], "at most 100 per bulk request");
  });

  test("a bulk create is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, companies)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
