import { describe, test } from "bun:test";
import { main } from "../../scripts/custom_attributes/get_custom_attribute_metadata.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("get_custom_attribute_metadata", () => {
  test("sends GET /v1/metadata/{resource} and returns the metadata", async () => {
    const metadata = { data: { type: "metadata", id: "customer", attributes: { properties: {} } } };
    await callAndCheck(
      main,
      ["customer"],
      { method: "GET", path: "/v1/metadata/customer" },
      { status: 200, body: metadata },
    );
  });

  test("the resource is percent-encoded and required", async () => {
    await callAndCheck(main, ["kobject/order"], {
      method: "GET",
      path: "/v1/metadata/kobject%2Forder",
    });
    await expectRefused(main, [""], "resource is required");
  });
});
