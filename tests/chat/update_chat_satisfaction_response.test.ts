import { describe, test } from "bun:test";
import { main } from "../../scripts/chat/update_chat_satisfaction_response.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[3] = { customerId: "5f1c6a3e9d1b2c0011a0b0d2", rating: 5 };
const answer = kustomerRecord("chat_satisfaction_response", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("update_chat_satisfaction_response", () => {
  test("sends PUT /v2.1/chat/satisfaction-responses/{id} with include and the body", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", "satisfaction", sent],
      {
        method: "PUT",
        path: `/v2.1/chat/satisfaction-responses/5f1c6a3e9d1b2c0011a0b0c7`,
        query: { include: "satisfaction" },
        body: sent,
      },
      { status: 200, body: answer },
    );
  });

  test("without include, no query is sent", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", undefined, sent],
      {
        method: "PUT",
        path: `/v2.1/chat/satisfaction-responses/5f1c6a3e9d1b2c0011a0b0c7`,
        query: {},
        body: sent,
      },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", undefined, sent], {
      method: "PUT",
      path: "/v2.1/chat/satisfaction-responses/acct%2F42%20%2Bvip",
      body: sent,
    });
    await expectRefused(main, ["", undefined, sent], "id is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", undefined, ["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });

  test("a documented field of the wrong type is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", undefined, { ...sent, rating: "five" } as never],
      'body.rating must be a number (got "five")',
    );
  });

  test("a required field left out is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", undefined, { rating: 4 } as never],
      "body.customerId is required",
    );
  });
});
