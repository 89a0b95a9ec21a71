import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/spam/upsert_spam_sender.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sender = { channel: "email", sender: "ada+vip@example.com", list: "whitelist" };
const saved = kustomerRecord("sender", "5f52b303775dbe9e4ed8f9a3", sender);

// The official spec gives this body no schema (only an example), so there is no official-schema
// check here and the script sends the object as given.
describe("upsert_spam_sender", () => {
  test("sends PUT /v1/spam/senders with channel, sender and list", async () => {
    await callAndCheck(
      main,
      [sender],
      { method: "PUT", path: "/v1/spam/senders", body: sender },
      { status: 200, body: saved },
    );
  });

  test("an empty body is refused before sending", async () => {
    await expectRefused(main, [{}], "body has no fields set");
  });

  test("a PUT is retried after a 503", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(503, {}, { "retry-after": "0" }) : jsonResponse(200, saved),
    );
    expect(await main(TEST_AUTH, { ...sender, list: "blacklist" })).toEqual(saved);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toEqual({ ...sender, list: "blacklist" });
  });
});
