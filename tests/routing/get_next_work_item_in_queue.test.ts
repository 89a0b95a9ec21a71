import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_next_work_item_in_queue.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("work_item", "5f1c6a3e9d1b2c0011a0b0c7", {
  resourceType: "conversation",
  status: "queued",
  priority: 5,
});

describe("get_next_work_item_in_queue", () => {
  test("sends GET /v1/routing/queues/{id}/work-items/next", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      {
        method: "GET",
        path: `/v1/routing/queues/5f1c6a3e9d1b2c0011a0b0c7/work-items/next`,
        query: {},
      },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/routing/queues/acct%2F42%20%2Bvip/work-items/next",
    });
    await expectRefused(main, [""], "id is required");
  });
});
