import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/update_queue_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = { displayName: "VIP Support", priority: 5 };
const answer = kustomerRecord("queue", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("update_queue_by_id", () => {
  test("sends PUT /v1/routing/queues/{id} and the body", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", sent],
      { method: "PUT", path: `/v1/routing/queues/5f1c6a3e9d1b2c0011a0b0c7`, query: {}, body: sent },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", sent], {
      method: "PUT",
      path: "/v1/routing/queues/acct%2F42%20%2Bvip",
      body: sent,
    });
    await expectRefused(main, ["", sent], "id is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", ["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
