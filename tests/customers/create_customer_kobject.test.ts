import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/create_customer_kobject.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const body = {
  title: "Order #1001",
  externalId: "shop-1001",
  data: { total: 42.5 },
  custom: { statusStr: "shipped" },
};

describe("create_customer_kobject", () => {
  test("sends POST /v1/customers/{id}/klasses... with the body and returns the record", async () => {
    await callAndCheck(
      main,
      [ID, "order", body],
      { method: "POST", path: `/v1/customers/${ID}/klasses/order`, body },
      { status: 201, body: { data: { type: "record", id: "r1", attributes: body } } },
    );
  });

  testOfficialBody("POST", "/customers/{id}/klasses/{name}", main, [ID, "order", body]);

  test("the id is percent-encoded and required; invalid input is refused before sending", async () => {
    await callAndCheck(main, ["a/b", "order", body], {
      method: "POST",
      path: "/v1/customers/a%2Fb/klasses/order",
      body,
    });
    await expectRefused(main, ["", "order", body], "id is required");
    await expectRefused(
      main,
      [ID, "order", { externalId: "shop-1" } as never],
      "body.title is required",
    );
  });

  test("a POST is not repeated after a 500: it may have been processed", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID, "order", body)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
