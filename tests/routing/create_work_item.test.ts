import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/create_work_item.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  resourceType: "conversation",
  resource: "5f1c6a3e9d1b2c0011a0b0f3",
  queue: "5f1c6a3e9d1b2c0011a0b0f1",
};
const answer = kustomerRecord("work_item", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_work_item", () => {
  test("sends POST /v1/routing/work-items and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/routing/work-items", query: {}, body: sent },
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
