import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/get_kobject.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0f1";

describe("get_kobject", () => {
  test("sends GET /v1/klasses/{name}/{id} and returns the object", async () => {
    await callAndCheck(
      main,
      ["order", id],
      { method: "GET", path: `/v1/klasses/order/${id}` },
      { status: 200, body: kustomerRecord("kobject", id, { title: "Order #1001" }) },
    );
  });

  test("both values are percent-encoded and required", async () => {
    await callAndCheck(main, ["order/eu v2", "k/1 +x"], {
      method: "GET",
      path: "/v1/klasses/order%2Feu%20v2/k%2F1%20%2Bx",
    });
    await expectRefused(main, ["", id], "name is required");
    await expectRefused(main, ["order", " "], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, "order", id)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
