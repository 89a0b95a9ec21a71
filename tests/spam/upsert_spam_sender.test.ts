import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/spam/upsert_spam_sender.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sender = { channel: "email", sender: "ada+vip@example.com", list: "whitelist" };
const saved = kustomerRecord("sender", "5f52b303775dbe9e4ed8f9a3", sender);

// The official spec gives this body no schema, only an example; tools/overrides.ts supplies one
// (channel, sender and list, all required), so there is no official-schema check here.
describe("upsert_spam_sender", () => {
  test("sends PUT /v1/spam/senders with channel, sender and list", async () => {
    await callAndCheck(
      main,
      [sender],
      { method: "PUT", path: "/v1/spam/senders", body: sender },
      { status: 200, body: saved },
    );
  });

  test("a blank body, a missing field or an unknown list is refused before sending", async () => {
    await expectRefused(main, [{}], "body.channel is required\n- body.sender is required");
    await expectRefused(
      main,
      [{ channel: "email", sender: "x@example.com" }],
      "body.list is required",
    );
    await expectRefused(
      main,
      [{ ...sender, list: "greylist" as never }],
      'body.list must be one of "whitelist", "blacklist" (got "greylist")',
    );
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
