import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/messages/update_message.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0c4";
const changes: Parameters<typeof main>[3] = {
  status: "sent",
  subject: "Re: Where is my order?",
  sentAt: "2025-03-01T10:05:00.000Z",
  externalId: null,
  custom: { orderIdStr: "123", refundNum: 19.99 },
};
const updated = kustomerRecord("message", id, { status: "sent" });

describe("update_message", () => {
  test("without replace, PUT /v1/messages/{id} is sent with no query (it then acts like PATCH)", async () => {
    await callAndCheck(
      main,
      [id, undefined, changes],
      { method: "PUT", path: `/v1/messages/${id}`, query: {}, body: changes },
      { status: 200, body: updated },
    );
  });

  test("replace=true is sent as a query value, asking for the whole message to be replaced", async () => {
    await callAndCheck(
      main,
      [id, true, changes],
      { method: "PUT", path: `/v1/messages/${id}`, query: { replace: "true" }, body: changes },
      { status: 200, body: updated },
    );
  });

  test("fields the form left blank are not sent; null is", async () => {
    await callAndCheck(
      main,
      [id, undefined, { preview: "", subject: "Hi", lang: null, meta: {} }],
      {
        method: "PUT",
        path: `/v1/messages/${id}`,
        body: { subject: "Hi", lang: null },
      },
    );
  });

  testOfficialBody("PUT", "/messages/{id}", main, [id, undefined, changes]);

  test("the id is encoded and required; a wrong status is refused", async () => {
    await callAndCheck(main, ["msg/42 +x", undefined, { spam: true }], {
      method: "PUT",
      path: "/v1/messages/msg%2F42%20%2Bx",
      body: { spam: true },
    });
    await expectRefused(main, ["", undefined, changes], "id is required");
    await expectRefused(
      main,
      [id, undefined, { status: "pending" }],
      'body.status must be one of "sent", "received", "error"',
    );
  });

  test("a 503 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(200, updated),
    );
    expect(await main(TEST_AUTH, id, undefined, changes)).toEqual(updated);
    expect(calls).toHaveLength(2);
  });
});
