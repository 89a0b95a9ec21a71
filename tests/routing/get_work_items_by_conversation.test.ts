import { describe, test } from "bun:test";
import { main } from "../../scripts/routing/get_work_items_by_conversation.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "work_items_by_conversation",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: { resourceType: "conversation", status: "completed", priority: 3 },
    },
  ],
  links: { next: null },
};

describe("get_work_items_by_conversation", () => {
  test("sends GET /v1/routing/conversations/{id}/work-items", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      {
        method: "GET",
        path: `/v1/routing/conversations/5f1c6a3e9d1b2c0011a0b0c7/work-items`,
        query: {},
      },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/routing/conversations/acct%2F42%20%2Bvip/work-items",
    });
    await expectRefused(main, [""], "id is required");
  });
});
