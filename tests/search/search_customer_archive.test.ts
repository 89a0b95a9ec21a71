import { describe, test } from "bun:test";
import { main } from "../../scripts/search/search_customer_archive.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const query = {
  queryContext: "conversation",
  and: [{ conversation_external_id: { equals: "ticket-2019-42" } }],
};

describe("search_customer_archive", () => {
  test("sends POST /v1/customers/archive/search with the criteria and returns the page", async () => {
    const page = { data: [], links: { next: null } };
    await callAndCheck(
      main,
      [query],
      { method: "POST", path: "/v1/customers/archive/search", body: query },
      { status: 200, body: page },
    );
  });

  testOfficialBody("POST", "/customers/archive/search", main, [query]);

  test("fields the archive search does not take are refused before sending", async () => {
    await expectRefused(
      main,
      [{ ...query, fields: ["name"] } as never],
      "body.fields is not a field",
    );
  });
});
