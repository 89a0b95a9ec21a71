import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/update_customer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";
import { FORM_BLANKS } from "../helpers/samples.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const changes = {
  name: "Ada King",
  company: "5f1c6a3e9d1b2c0011a0b0d1",
  custom: { tierStr: "gold" },
};

describe("update_customer", () => {
  test("without replace: PUT /v1/customers/{id} with no query, only the fields set", async () => {
    await callAndCheck(
      main,
      [ID, undefined, { ...FORM_BLANKS, ...changes, locale: null }],
      { method: "PUT", path: `/v1/customers/${ID}`, body: { ...changes, locale: null } },
      { status: 200, body: { data: { type: "customer", id: ID, attributes: changes } } },
    );
  });

  test("replace=true is sent as ?replace=true (the whole document is replaced)", async () => {
    await callAndCheck(main, [ID, true, changes], {
      method: "PUT",
      path: `/v1/customers/${ID}`,
      query: { replace: "true" },
      body: changes,
    });
  });

  testOfficialBody("PUT", "/customers/{id}", main, [ID, undefined, changes]);

  test("the id is encoded and required; bad values and a blank body are refused", async () => {
    await callAndCheck(main, ["a/b", undefined, changes], {
      method: "PUT",
      path: "/v1/customers/a%2Fb",
      body: changes,
    });
    await expectRefused(main, ["", undefined, changes], "id is required");
    await expectRefused(main, [ID, undefined, FORM_BLANKS], "body has no fields set");
    await expectRefused(
      main,
      [ID, "yes" as never, changes],
      'replace must be true or false (got "yes")',
    );
    await expectRefused(main, [ID, undefined, { custom: { tier: "gold" } }], "body.custom.tier");
  });

  test("a PUT is retried after a 503", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, ID, undefined, changes)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
