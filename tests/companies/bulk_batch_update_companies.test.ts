import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/companies/bulk_batch_update_companies.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const queued = {
  data: { type: "bulk", id: "5f1c6a3e9d1b2c0011a0b0e2", attributes: { status: "queued" } },
};
const updates: Parameters<typeof main>[1] = [
  { _clientRef: "row-1", id: "5f1c6a3e9d1b2c0011a0b0c1", custom: { tierStr: "platinum" } },
  { _clientRef: "row-2", id: "5f1c6a3e9d1b2c0011a0b0c2", externalId: null, tags: ["churned"] },
  // Companies have no DELETE: deleted: true is how one is removed.
  { _clientRef: "row-3", id: "5f1c6a3e9d1b2c0011a0b0c3", deleted: true },
];

describe("bulk_batch_update_companies", () => {
  test("sends PUT /v1/companies/bulk with the items and returns the bulk operation", async () => {
    await callAndCheck(
      main,
      [updates],
      { method: "PUT", path: "/v1/companies/bulk", body: updates },
      { status: 201, body: queued },
    );
  });

  testOfficialBody("PUT", "/companies/bulk", main, [updates]);

  test("fields left blank are not sent, so they are not erased", async () => {
    await callAndCheck(
      main,
      [
        [
          {
            id: "5f1c6a3e9d1b2c0011a0b0c1",
            name: "",
            tags: [],
            custom: { tierStr: "" },
            defaultLang: null,
          },
        ],
      ],
      {
        method: "PUT",
        path: "/v1/companies/bulk",
        body: [{ id: "5f1c6a3e9d1b2c0011a0b0c1", defaultLang: null }],
      },
      { status: 201, body: queued },
    );
  });

  test("an item without its id and more than 100 items are refused", async () => {
    await expectRefused(main, [[{ name: "Acme Robotics" }]], "body[0].id is required");
    const many = Array.from({ length: 101 }, (_, index) => ({ id: `c${index}`, deleted: true }));
    await expectRefused(main, [many], "split the list into chunks of 100");
  });

  test("a 503 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(201, queued),
    );
    expect(await main(TEST_AUTH, updates)).toEqual(queued);
    expect(calls).toHaveLength(2);
  });
});
