import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/bulk_create_conversations.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = { data: { type: "bulk", id: "b7", attributes: { status: "queued" } } };
const items = [
  {
    _clientRef: "row-1",
    customer: "5f1c6a3e9d1b2c0011a0b0c2",
    externalId: "zendesk-ticket-4711",
    name: "Refund for order A-1001",
    status: "done" as const,
    importedAt: "2024-03-01T10:00:00.000Z",
  },
  { _clientRef: "row-2", customer: "5f1c6a3e9d1b2c0011a0b0c3", tags: ["onboarding"] },
];

describe("bulk_create_conversations", () => {
  test("sends POST /v1/conversations/bulk with the array and returns the bulk operation", async () => {
    await callAndCheck(
      main,
      [items],
      { method: "POST", path: "/v1/conversations/bulk", body: items },
      { status: 201, body: queued },
    );
  });

  testOfficialBody("POST", "/conversations/bulk", main, [items]);

  test("every item needs its customer", async () => {
    await expectRefused(main, [[{ name: "No customer" }]], "body[0].customer is required");
  });

  test("more than 100 items, an empty list or a single object are refused", async () => {
    const many = Array.from({ length: 101 }, () => ({ customer: "5f1c6a3e9d1b2c0011a0b0c2" }));
    await expectRefused(main, [many], "at most 100 per bulk request");
    await expectRefused(main, [[]], "body has 0 items; pass at least 1");
    await expectRefused(main, [items[0]], "body must be an array");
  });

  test("a bulk POST is not repeated after a 500", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, items)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
