import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/slas/get_sla_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c7";
const sla = kustomerRecord("sla", ID, { currentVersion: 3, createdAt: "2024-01-05T12:00:00Z" });

describe("get_sla_by_id", () => {
  test("sends GET /v1/slas/{id} with versions", async () => {
    await callAndCheck(
      main,
      [ID, "all"],
      { method: "GET", path: `/v1/slas/${ID}`, query: { versions: "all" } },
      { status: 200, body: sla },
    );
  });

  test("without versions, no query is sent", async () => {
    await callAndCheck(
      main,
      [ID],
      { method: "GET", path: `/v1/slas/${ID}`, query: {} },
      { status: 200, body: sla },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", "active"], {
      method: "GET",
      path: "/v1/slas/acct%2F42%20%2Bvip",
      query: { versions: "active" },
    });
    await expectRefused(main, ["", "active"], "id is required");
  });

  test("a GET is retried after a 500", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, sla),
    );
    expect(await main(TEST_AUTH, ID)).toEqual(sla);
    expect(calls).toHaveLength(2);
  });
});
