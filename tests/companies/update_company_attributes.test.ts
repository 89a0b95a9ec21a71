import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/companies/update_company_attributes.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0c1";
const changes: Parameters<typeof main>[2] = {
  name: "Acme Robotics Ltd",
  employeeCount: 320,
  custom: { tierStr: "platinum", churnRiskBool: false },
  defaultLang: null,
};

describe("update_company_attributes", () => {
  test("sends PUT /v1/companies/{id} with the fields set and returns the company", async () => {
    await callAndCheck(
      main,
      [id, changes],
      { method: "PUT", path: `/v1/companies/${id}`, body: changes },
      { status: 200, body: kustomerRecord("company", id, changes) },
    );
  });

  test("deleting a company is an update with deleted: true (there is no DELETE)", async () => {
    await callAndCheck(main, [id, { deleted: true }], {
      method: "PUT",
      path: `/v1/companies/${id}`,
      body: { deleted: true },
    });
  });

  test("fields left blank are not sent; null clears", async () => {
    await callAndCheck(
      main,
      [id, { name: "", tags: [], custom: { tierStr: "" }, externalId: null }],
      {
        method: "PUT",
        path: `/v1/companies/${id}`,
        body: { externalId: null },
      },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", { deleted: false }], {
      method: "PUT",
      path: "/v1/companies/acct%2F42%20%2Bvip",
      body: { deleted: false },
    });
    await expectRefused(main, ["", changes], "id is required");
  });

  testOfficialBody("PUT", "/companies/{id}", main, [id, { ...changes, deleted: null }]);

  test("a too short name and a field Kustomer does not take are refused", async () => {
    await expectRefused(main, [id, { name: "AB" }], "body.name must be at least 3 characters");
    await expectRefused(
      main,
      [id, { createdAt: "2025-01-01T00:00:00Z" } as never],
      "body.createdAt is not a field",
    );
  });

  test("a 500 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, id, changes)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
