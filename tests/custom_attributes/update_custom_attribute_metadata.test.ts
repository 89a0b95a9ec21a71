import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/custom_attributes/update_custom_attribute_metadata.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const metadata = {
  properties: {
    tierStr: { displayName: "Tier", type: "string", enabled: true },
    renewalAt: { displayName: "Renewal date", type: "date" },
  },
};

describe("update_custom_attribute_metadata", () => {
  test("sends PUT /v1/metadata/{resource} with the metadata and returns it", async () => {
    await callAndCheck(
      main,
      ["customer", metadata],
      { method: "PUT", path: "/v1/metadata/customer", body: metadata },
      { status: 200, body: { data: { type: "metadata", id: "customer", attributes: metadata } } },
    );
  });

  testOfficialBody("PUT", "/metadata/{resource}", main, ["customer", metadata]);

  test("the resource is required; unknown fields and too many validations are refused", async () => {
    await expectRefused(main, ["", metadata], "resource is required");
    await expectRefused(
      main,
      ["customer", { props: { tierStr: { type: "string" } } } as never],
      "body.props is not a field",
    );
    await expectRefused(
      main,
      ["customer", { validations: Array.from({ length: 11 }, (_, index) => `v${index}`) }],
      "body.validations has 11 items; at most 10 allowed",
    );
  });

  test("a PUT is retried after a 502", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(502, {}, { "retry-after": "0" }) : jsonResponse(200, {}),
    );
    await main(TEST_AUTH, "company", metadata);
    expect(calls).toHaveLength(2);
  });
});
