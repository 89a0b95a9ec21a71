import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/messages/bulk_batch_update_messages.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0f1", attributes: { status: "queued" } },
};
const updates: Parameters<typeof main>[2] = [
  {
    _clientRef: "row-1",
    id: "5f1c6a3e9d1b2c0011a0b0c4",
    status: "sent",
    custom: { slaMetBool: true },
  },
  { id: "5f1c6a3e9d1b2c0011a0b0c5", subject: "Re: order #123", lang: null },
];

describe("bulk_batch_update_messages", () => {
  test("sends PUT /v1/messages/bulk with the items, without ids when none are given", async () => {
    await callAndCheck(
      main,
      [undefined, updates],
      { method: "PUT", path: "/v1/messages/bulk", query: {}, body: updates },
      { status: 200, body: queued },
    );
  });

  test("ids go out as one comma-separated query value", async () => {
    const same = [{ id: "5f1c6a3e9d1b2c0011a0b0c4", status: "received" as const }];
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c4,5f1c6a3e9d1b2c0011a0b0c5", same],
      {
        method: "PUT",
        path: "/v1/messages/bulk",
        query: { ids: "5f1c6a3e9d1b2c0011a0b0c4,5f1c6a3e9d1b2c0011a0b0c5" },
        body: same,
      },
      { status: 200, body: queued },
    );
  });

  testOfficialBody("PUT", "/messages/bulk", main, [undefined, updates]);

  test("every item needs its id", async () => {
    await expectRefused(main, [undefined, [{ status: "sent" }]], "body[0].id is required");
  });

  test("101 items are refused before sending, with advice to send chunks of 100", async () => {
    const many = Array.from({ length: 101 }, (_, index) => ({ id: `m${index}`, status: "sent" }));
    await expectRefused(
      main,
      [undefined, many],
      "body has 101 items; Kustomer takes at most 100 per bulk request: split the list into chunks of 100",
    );
  });

  test("a 500 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, queued),
    );
    expect(await main(TEST_AUTH, undefined, updates)).toEqual(queued);
    expect(calls).toHaveLength(2);
  });
});
