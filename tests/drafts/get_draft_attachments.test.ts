import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/drafts/get_draft_attachments.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const draft = "5f1c6a3e9d1b2c0011a0b0e2";
const list = {
  data: [
    { type: "attachment", id: "5f1c6a3e9d1b2c0011a0b0e1", attributes: { name: "receipt.pdf" } },
  ],
};

describe("get_draft_attachments", () => {
  test("sends GET /v1/drafts/{id}/attachments and returns the list", async () => {
    await callAndCheck(
      main,
      [draft],
      { method: "GET", path: `/v1/drafts/${draft}/attachments`, query: {} },
      { status: 200, body: list },
    );
  });

  test("the draft id is percent-encoded and required", async () => {
    await callAndCheck(main, ["draft/42 +x"], {
      method: "GET",
      path: "/v1/drafts/draft%2F42%20%2Bx/attachments",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, list),
    );
    expect(await main(TEST_AUTH, draft)).toEqual(list);
    expect(calls).toHaveLength(2);
  });
});
