import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/get_customer_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";

describe("get_customer_by_id", () => {
  test("sends GET /v1/customers/{id} and returns the record", async () => {
    const record = kustomerRecord("customer", ID, { createdAt: "2026-01-05T10:00:00.000Z" });
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/customers/${ID}` },
      { status: 200, body: record },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["a/b c"], { method: "GET", path: "/v1/customers/a%2Fb%20c" });
    await expectRefused(main, [""], "id is required");
  });

  test("a 404 is a KustomerError with the status; a 500 on a GET is retried once", async () => {
    stubFetch(() => jsonResponse(404, { errors: [{ code: "not_found", title: "Not Found" }] }));
    await expect(main(TEST_AUTH, ID)).rejects.toMatchObject({ name: "KustomerError", status: 404 });
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, ID)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
