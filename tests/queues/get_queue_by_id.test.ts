import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/get_queue_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("queue", "5f1c6a3e9d1b2c0011a0b0c7", {
  name: "vip",
  displayName: "VIP Support",
  priority: 5,
  itemSize: 1,
  system: false,
});

describe("get_queue_by_id", () => {
  test("sends GET /v1/routing/queues/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: "/v1/routing/queues/5f1c6a3e9d1b2c0011a0b0c7", query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/routing/queues/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });
});
