import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/get_queue_metrics.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("queue_metrics", "5f1c6a3e9d1b2c0011a0b0c7", { latestWaitTime: 42 });

describe("get_queue_metrics", () => {
  test("sends GET /v1/chat/queues/metrics/{ids}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0a1,5f1c6a3e9d1b2c0011a0b0a2"],
      {
        method: "GET",
        path: `/v1/chat/queues/metrics/5f1c6a3e9d1b2c0011a0b0a1,5f1c6a3e9d1b2c0011a0b0a2`,
        query: {},
      },
      { status: 200, body: answer },
    );
  });

  test("the ids is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/chat/queues/metrics/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "ids is required");
  });
});
