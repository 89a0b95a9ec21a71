import { describe, test } from "bun:test";
import { main } from "../../scripts/messages/get_messages.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "message", id: "5f1c6a3e9d1b2c0011a0b0c4", attributes: { preview: "hi" } }],
  meta: { page: 2, pageSize: 50 },
  links: { next: "/v1/messages?page=3&pageSize=50" },
};

describe("get_messages", () => {
  test("sends GET /v1/messages with page, pageSize, include and sort", async () => {
    await callAndCheck(
      main,
      [2, 50, "attachments", "desc"],
      {
        method: "GET",
        path: "/v1/messages",
        query: { page: "2", pageSize: "50", include: "attachments", sort: "desc" },
      },
      { status: 200, body: page },
    );
  });

  test("values left out or empty are not sent", async () => {
    await callAndCheck(main, [], { method: "GET", path: "/v1/messages", query: {} });
    await callAndCheck(main, [undefined, undefined, "", ""], {
      method: "GET",
      path: "/v1/messages",
      query: {},
    });
  });
});
