import { describe, test } from "bun:test";
import { main } from "../../scripts/queues/create_queue.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  name: "billing",
  displayName: "Billing",
  key: "billing",
  priority: 3,
  itemSize: 1,
};
const answer = kustomerRecord("queue", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_queue", () => {
  test("sends POST /v1/routing/queues and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/routing/queues", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      [["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
