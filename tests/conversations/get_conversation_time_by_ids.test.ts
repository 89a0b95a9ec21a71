import { describe, test } from "bun:test";
import { main } from "../../scripts/conversations/get_conversation_time_by_ids.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const TIME_A = "5f184e74c61792001af42e49";
const TIME_B = "5f184e74c61792001af42e4a";
const times = kustomerRecord("conversation_time", TIME_A, { handleTime: 320 });

describe("get_conversation_time_by_ids", () => {
  test("sends GET /v1/conversations/times/{ids} for one id", async () => {
    await callAndCheck(
      main,
      [TIME_A],
      { method: "GET", path: `/v1/conversations/times/${TIME_A}` },
      { status: 200, body: times },
    );
  });

  test("several ids are sent comma-separated, the commas literal", async () => {
    await callAndCheck(
      main,
      [`${TIME_A},${TIME_B}`],
      { method: "GET", path: `/v1/conversations/times/${TIME_A},${TIME_B}` },
      { status: 200, body: times },
    );
  });

  test("other characters are encoded too, and ids are required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/conversations/times/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "ids is required");
  });
});
