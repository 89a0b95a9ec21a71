import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/get_customer_by_phone.ts";
import { jsonResponse, kustomerRecord, stubFetch } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("get_customer_by_phone", () => {
  test("sends GET /v1/customers/phone={phone} with + and spaces percent-encoded", async () => {
    const customer = kustomerRecord("customer", "c1", { phones: [{ phone: "+1 415 555 0100" }] });
    await callAndCheck(
      main,
      ["+1 415 555 0100"],
      { method: "GET", path: "/v1/customers/phone=%2B1%20415%20555%200100" },
      { status: 200, body: customer },
    );
    await callAndCheck(main, ["+14155550100"], {
      method: "GET",
      path: "/v1/customers/phone=%2B14155550100",
    });
  });

  test("an empty number is refused before sending", async () => {
    await expectRefused(main, [" "], "phone is required");
    expect(stubFetch(() => jsonResponse(200, {}))).toHaveLength(0);
  });
});
