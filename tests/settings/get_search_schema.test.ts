import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/get_search_schema.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("search_schema", "5f1c6a3e9d1b2c0011a0b0c7", {
  fields: [{ name: "conversation_status", type: "string" }],
});

describe("get_search_schema", () => {
  test("sends GET /v1/customers/searches/schema", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/customers/searches/schema", query: {} },
      { status: 200, body: answer },
    );
  });
});
