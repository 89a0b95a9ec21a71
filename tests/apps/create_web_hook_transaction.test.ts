import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/create_web_hook_transaction.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = {
  orderId: "A-1001",
  status: "shipped",
  items: [{ sku: "X1", quantity: 2 }],
};
const answer = kustomerRecord("hook_transaction", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_web_hook_transaction", () => {
  test("sends POST /v1/hooks/web/{hash} and the body", async () => {
    await callAndCheck(
      main,
      ["9f2c4e7a1b", sent],
      { method: "POST", path: `/v1/hooks/web/9f2c4e7a1b`, query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("the hash is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", sent], {
      method: "POST",
      path: "/v1/hooks/web/acct%2F42%20%2Bvip",
      body: sent,
    });
    await expectRefused(main, ["", sent], "hash is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["9f2c4e7a1b", ["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
