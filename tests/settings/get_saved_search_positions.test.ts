import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_saved_search_positions.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("saved_search_position", "5f1c6a3e9d1b2c0011a0b0c7", {
  createdAt: "2024-05-02T10:00:00.000Z",
  modifiedAt: "2024-05-02T10:00:00.000Z",
  updatedAt: "2024-05-02T10:00:00.000Z",
});

describe("get_saved_search_positions", () => {
  test("sends GET /v1/customers/searches/positions", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/customers/searches/positions", query: {} },
      { status: 200, body: answer },
    );
  });
});
