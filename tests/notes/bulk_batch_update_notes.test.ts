import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/notes/bulk_batch_update_notes.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0f3", attributes: { status: "queued" } },
};
const updates: Parameters<typeof main>[2] = [
  { _clientRef: "row-1", id: "5f1c6a3e9d1b2c0011a0b0d5", body: "Refund issued (#R-123)." },
  { id: "5f1c6a3e9d1b2c0011a0b0d6", deleted: true, externalId: null },
];

describe("bulk_batch_update_notes", () => {
  test("sends PUT /v1/notes/bulk with the items, without ids when none are given", async () => {
    await callAndCheck(
      main,
      [undefined, updates],
      { method: "PUT", path: "/v1/notes/bulk", query: {}, body: updates },
      { status: 201, body: queued },
    );
  });

  test("ids go out as one comma-separated query value", async () => {
    const same = [{ id: "5f1c6a3e9d1b2c0011a0b0d5", lang: "en" }];
    await callAndCheck(main, ["5f1c6a3e9d1b2c0011a0b0d5,5f1c6a3e9d1b2c0011a0b0d6", same], {
      method: "PUT",
      path: "/v1/notes/bulk",
      query: { ids: "5f1c6a3e9d1b2c0011a0b0d5,5f1c6a3e9d1b2c0011a0b0d6" },
      body: same,
    });
  });

  testOfficialBody("PUT", "/notes/bulk", main, [undefined, updates]);

  test("every item needs its id; a note body cannot exceed 10,240 characters", async () => {
    await expectRefused(main, [undefined, [{ body: "Refund issued." }]], "body[0].id is required");
    await expectRefused(
      main,
      [undefined, [{ id: "5f1c6a3e9d1b2c0011a0b0d5", body: "x".repeat(10_241) }]],
      "body[0].body is 10241 characters long; at most 10240 allowed",
    );
  });

  test("101 items are refused before sending, with advice to send chunks of 100", async () => {
    const many = Array.from({ length: 101 }, (_, index) => ({ id: `n${index}`, deleted: true }));
    await expectRefused(
      main,
      [undefined, many],
      "body has 101 items; Kustomer takes at most 100 per bulk request: split the list into chunks of 100",
    );
  });

  test("a 500 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(201, queued),
    );
    expect(await main(TEST_AUTH, undefined, updates)).toEqual(queued);
    expect(calls).toHaveLength(2);
  });
});
