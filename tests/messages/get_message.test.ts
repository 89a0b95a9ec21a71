import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/messages/get_message.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const message = kustomerRecord("message", "5f1c6a3e9d1b2c0011a0b0c4", { channel: "sms" });

describe("get_message", () => {
  test("sends GET /v1/messages/{id} and returns the message", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c4"],
      { method: "GET", path: "/v1/messages/5f1c6a3e9d1b2c0011a0b0c4", query: {} },
      { status: 200, body: message },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["msg/42 +x"], {
      method: "GET",
      path: "/v1/messages/msg%2F42%20%2Bx",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, message),
    );
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0c4")).toEqual(message);
    expect(calls).toHaveLength(2);
  });
});
