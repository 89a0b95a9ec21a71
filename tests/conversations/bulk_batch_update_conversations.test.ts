import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/bulk_batch_update_conversations.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = { data: { type: "bulk", id: "b8", attributes: { status: "queued" } } };
// The generated item type lists only _clientRef (the spec's oneOf items are not typed), hence the
// casts; the local check and the official schema still apply to the fields below.
const updates = [
  { id: "5f1c6a3e9d1b2c0011a0b0c1", status: "done", priority: 2 },
  { id: "5f1c6a3e9d1b2c0011a0b0c4", assignedTeams: ["5f1c6a3e9d1b2c0011a0b0e1"] },
] as never[];

describe("bulk_batch_update_conversations", () => {
  test("sends PUT /v1/conversations/bulk with the array and no ids when not given", async () => {
    await callAndCheck(
      main,
      [undefined, updates],
      { method: "PUT", path: "/v1/conversations/bulk", query: {}, body: updates },
      { status: 201, body: queued },
    );
  });

  test("sends ids as one comma-separated query value", async () => {
    const same = [{ id: "5f1c6a3e9d1b2c0011a0b0c1", status: "done" }] as never[];
    const { request } = await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c1,5f1c6a3e9d1b2c0011a0b0c4", same],
      {
        method: "PUT",
        path: "/v1/conversations/bulk",
        query: { ids: "5f1c6a3e9d1b2c0011a0b0c1,5f1c6a3e9d1b2c0011a0b0c4" },
        body: same,
      },
      { status: 201, body: queued },
    );
    expect(request.url.search).toBe("?ids=5f1c6a3e9d1b2c0011a0b0c1%2C5f1c6a3e9d1b2c0011a0b0c4");
  });

  testOfficialBody("PUT", "/conversations/bulk", main, [undefined, updates]);

  test("an item without id, or with a wrong status, is refused", async () => {
    await expectRefused(main, [undefined, [{ status: "done" }]], "body[0] does not match any");
    await expectRefused(main, [undefined, [{ id: "c1", status: "closed" }]], "does not match any");
  });

  test("more than 100 items are refused with a message naming the limit", async () => {
    const many = Array.from({ length: 101 }, (_, index) => ({ id: `c${index}`, status: "done" }));
    await expectRefused(main, [undefined, many], "Kustomer takes at most 100 per bulk request");
  });

  test("a bulk PUT is retried after a 503", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(201, queued),
    );
    expect(await main(TEST_AUTH, undefined, updates)).toEqual(queued);
    expect(calls).toHaveLength(2);
  });
});
