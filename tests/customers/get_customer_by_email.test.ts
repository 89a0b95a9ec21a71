import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/get_customer_by_email.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("get_customer_by_email", () => {
  test("sends GET /v1/customers/email={email} with the address percent-encoded", async () => {
    const customer = kustomerRecord("customer", "c1", {
      emails: [{ email: "ada+vip@example.com" }],
    });
    await callAndCheck(
      main,
      ["ada+vip@example.com"],
      { method: "GET", path: "/v1/customers/email=ada%2Bvip%40example.com" },
      { status: 200, body: customer },
    );
  });

  test("an empty address is refused; an unknown one is a 404", async () => {
    await expectRefused(main, [""], "email is required");
    stubFetch(() =>
      jsonResponse(404, { errors: [{ code: "not_found", title: "Customer not found" }] }),
    );
    await expect(main(TEST_AUTH, "nobody@example.com")).rejects.toThrow(
      "Kustomer GET /v1/customers/email=nobody%40example.com failed: 404 Not Found: Customer not found",
    );
  });
});
