import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/update_conversation_attributes.ts";
import { kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const updated = kustomerRecord("conversation", ID, { status: "open", priority: 4 });

describe("update_conversation_attributes", () => {
  test("sends PATCH /v1/conversations/{id} with the attributes as application/json", async () => {
    const changes = { priority: 4, assignedUsers: ["5f1c6a3e9d1b2c0011a0b0f1"], defaultLang: null };
    const { request } = await callAndCheck(
      main,
      [ID, changes],
      { method: "PATCH", path: `/v1/conversations/${ID}`, body: changes },
      { status: 200, body: updated },
    );
    // The spec labels this body application/json-patch+json, but it is a merge object, sent as JSON.
    expect(request.headers["content-type"]).toBe("application/json");
    expect(Array.isArray(request.body)).toBe(false);
  });

  test("fields the form left blank are not sent, so they keep their value", async () => {
    await callAndCheck(main, [ID, { name: "", tags: [], custom: { tierStr: "", vipBool: true } }], {
      method: "PATCH",
      path: `/v1/conversations/${ID}`,
      body: { custom: { vipBool: true } },
    });
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", { status: "done" }], {
      method: "PATCH",
      path: "/v1/conversations/acct%2F42%20%2Bvip",
      body: { status: "done" },
    });
    await expectRefused(main, ["", { status: "done" }], "id is required");
  });

  testOfficialBody("PATCH", "/conversations/{id}", main, [
    ID,
    { status: "snoozed", snooze: { status: "scheduled", time: "2026-05-01T09:00:00.000Z" } },
  ]);

  test("a wrong value, or an update with nothing set, is refused before sending", async () => {
    await expectRefused(main, [ID, { status: "closed" }], "does not match any");
    await expectRefused(main, [ID, { name: "" }], "body has no fields set");
  });

  test("a PATCH is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, ID, { priority: 1 })).rejects.toMatchObject({
      code: "network_error",
    });
    expect(calls).toHaveLength(1);
  });
});
