import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/delete_kobject.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0f1";

describe("delete_kobject", () => {
  test("sends DELETE /v1/klasses/{name}/{id}; the 204 answer gives null", async () => {
    await callAndCheck(
      main,
      ["order", id],
      { method: "DELETE", path: `/v1/klasses/order/${id}` },
      { status: 204 },
    );
  });

  test("both values are percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["order/eu v2", "k/1 +x"],
      { method: "DELETE", path: "/v1/klasses/order%2Feu%20v2/k%2F1%20%2Bx" },
      { status: 204 },
    );
    await expectRefused(main, ["", id], "name is required");
    await expectRefused(main, ["order", ""], "id is required");
  });

  test("a 500 is retried: a DELETE is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0
        ? jsonResponse(500, {}, { "retry-after": "0" })
        : new Response(null, { status: 204 }),
    );
    expect(await main(TEST_AUTH, "order", id)).toBeNull();
    expect(calls).toHaveLength(2);
  });
});
