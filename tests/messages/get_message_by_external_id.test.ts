import { describe, test } from "bun:test";
import { main } from "../../scripts/messages/get_message_by_external_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const message = kustomerRecord("message", "5f1c6a3e9d1b2c0011a0b0c4", {
  externalId: "zendesk-msg-42",
});

describe("get_message_by_external_id", () => {
  test("sends GET /v1/messages/externalid={externalId}, spelled in lower case as the spec does", async () => {
    await callAndCheck(
      main,
      ["zendesk-msg-42"],
      { method: "GET", path: "/v1/messages/externalid=zendesk-msg-42", query: {} },
      { status: 200, body: message },
    );
  });

  test("an externalId with a slash, a space and a plus sign is percent-encoded", async () => {
    await callAndCheck(main, ["msg/42 +x"], {
      method: "GET",
      path: "/v1/messages/externalid=msg%2F42%20%2Bx",
      query: {},
    });
  });

  test("a missing externalId is refused before sending", async () => {
    await expectRefused(main, [""], "externalId is required");
  });
});
