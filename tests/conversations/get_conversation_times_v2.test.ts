import { describe, test } from "bun:test";
import { main } from "../../scripts/conversations/get_conversation_times_v2.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "conversation_times_v2",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { handleTime: 184000, messageTime: 121000, noteTime: 12000 },
    },
  ],
  links: { next: null },
};

describe("get_conversation_times_v2", () => {
  test("sends GET /v2/conversations/{id}/times", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v2/conversations/5f1c6a3e9d1b2c0011a0b0c7/times`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v2/conversations/acct%2F42%20%2Bvip/times",
    });
    await expectRefused(main, [""], "id is required");
  });
});
