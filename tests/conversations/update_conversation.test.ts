import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/update_conversation.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const updated = kustomerRecord("conversation", ID, { status: "done", priority: 2 });
const changes = { status: "done" as const, priority: 2, custom: { orderNumberStr: "A-1001" } };

describe("update_conversation", () => {
  test("without replace, sends PUT /v1/conversations/{id} with no query (acts like PATCH)", async () => {
    await callAndCheck(
      main,
      [ID, undefined, changes],
      { method: "PUT", path: `/v1/conversations/${ID}`, query: {}, body: changes },
      { status: 200, body: updated },
    );
  });

  test("replace=true is sent as ?replace=true, to replace the whole document", async () => {
    await callAndCheck(
      main,
      [ID, true, changes],
      { method: "PUT", path: `/v1/conversations/${ID}`, query: { replace: "true" }, body: changes },
      { status: 200, body: updated },
    );
  });

  test("fields the form left blank are not sent; null clears", async () => {
    await callAndCheck(main, [ID, undefined, { name: "", tags: [], replyChannel: null }], {
      method: "PUT",
      path: `/v1/conversations/${ID}`,
      body: { replyChannel: null },
    });
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", undefined, { priority: 3 }], {
      method: "PUT",
      path: "/v1/conversations/acct%2F42%20%2Bvip",
      body: { priority: 3 },
    });
    await expectRefused(main, ["", undefined, { priority: 3 }], "id is required");
  });

  testOfficialBody("PUT", "/conversations/{id}", main, [
    ID,
    undefined,
    { ...changes, assignedTeams: ["5f1c6a3e9d1b2c0011a0b0e1"], snooze: { status: "canceled" } },
  ]);

  test("a value the schema forbids is refused before sending", async () => {
    await expectRefused(main, [ID, undefined, { status: "closed" }], "does not match any");
    await expectRefused(main, [ID, undefined, { priority: 9 }], "does not match any");
  });

  test("a PUT is retried after a 503", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(200, updated),
    );
    expect(await main(TEST_AUTH, ID, true, changes)).toEqual(updated);
    expect(calls).toHaveLength(2);
  });
});
