import { describe, test } from "bun:test";
import { main } from "../../scripts/drafts/get_outbound_accounts.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [
    { type: "outboundAccount", id: "5f1c6a3e9d1b2c0011a0b0b1", attributes: { channel: "email" } },
  ],
  meta: { page: 2, pageSize: 50 },
  links: { next: null },
};

describe("get_outbound_accounts", () => {
  test("sends GET /v1/outboundAccounts with pageSize and page (in that order in main)", async () => {
    await callAndCheck(
      main,
      [50, 2],
      { method: "GET", path: "/v1/outboundAccounts", query: { pageSize: "50", page: "2" } },
      { status: 200, body: page },
    );
  });

  test("without paging values no query is sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/outboundAccounts", query: {} });
    await callAndCheck(main, [undefined, undefined], {
      method: "GET",
      path: "/v1/outboundAccounts",
      query: {},
    });
  });
});
