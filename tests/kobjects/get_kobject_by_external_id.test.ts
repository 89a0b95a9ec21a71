import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/get_kobject_by_external_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("get_kobject_by_external_id", () => {
  test("sends GET /v1/klasses/{name}/externalId={externalId} and returns the object", async () => {
    await callAndCheck(
      main,
      ["order", "shopify-1001"],
      { method: "GET", path: "/v1/klasses/order/externalId=shopify-1001" },
      {
        status: 200,
        body: kustomerRecord("kobject", "5f1c6a3e9d1b2c0011a0b0f1", { externalId: "shopify-1001" }),
      },
    );
  });

  test("both the Klass name and the externalId are percent-encoded into the path", async () => {
    await callAndCheck(main, ["order/eu v2", "shop/1001 +gift#2"], {
      method: "GET",
      path: "/v1/klasses/order%2Feu%20v2/externalId=shop%2F1001%20%2Bgift%232",
    });
  });

  test("both values are required; a 404 names the lookup", async () => {
    await expectRefused(main, ["", "shopify-1001"], "name is required");
    await expectRefused(main, ["order", ""], "externalId is required");
    stubFetch(() =>
      jsonResponse(404, { errors: [{ code: "not_found", message: "KObject not found" }] }),
    );
    await expect(main(TEST_AUTH, "order", "nobody")).rejects.toThrow(
      "Kustomer GET /v1/klasses/order/externalId=nobody failed: 404 Not Found: KObject not found",
    );
  });
});
