import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/bulk_delete_kobjects.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0e5", attributes: { status: "queued" } },
};
const ids = "5f1c6a3e9d1b2c0011a0b0f1,5f1c6a3e9d1b2c0011a0b0f2";

describe("bulk_delete_kobjects", () => {
  test("sends DELETE /v1/klasses/{name}/bulk?ids=a,b with no body and returns the bulk operation", async () => {
    const { request } = await callAndCheck(
      main,
      ["order", ids],
      { method: "DELETE", path: "/v1/klasses/order/bulk", query: { ids } },
      { status: 201, body: queued },
    );
    expect(request.url.search).toBe("?ids=5f1c6a3e9d1b2c0011a0b0f1%2C5f1c6a3e9d1b2c0011a0b0f2");
  });

  test("a list of ids is sent comma-separated", async () => {
    await callAndCheck(
      main,
      ["order", ["5f1c6a3e9d1b2c0011a0b0f1", "5f1c6a3e9d1b2c0011a0b0f2"]],
      { method: "DELETE", path: "/v1/klasses/order/bulk", query: { ids } },
      { status: 201, body: queued },
    );
  });

  test("nothing is sent without ids", async () => {
    await expectRefused(main, ["order", ""], "ids is required");
    await expectRefused(main, ["order", []], "ids is required");
    await expectRefused(main, ["order", undefined], "ids is required");
  });

  test("the Klass name is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["order/eu v2", ids],
      { method: "DELETE", path: "/v1/klasses/order%2Feu%20v2/bulk", query: { ids } },
      { status: 201, body: queued },
    );
    await expectRefused(main, ["", ids], "name is required");
  });
});
