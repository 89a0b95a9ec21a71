import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/get_messages_by_customer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";

const page = {
  data: [{ type: "message", id: "m1", attributes: { preview: "hi" } }],
  meta: { page: 2, pageSize: 50 },
  links: { next: null },
};

describe("get_messages_by_customer", () => {
  test("sends GET /v1/customers/{id}/messages with page, pageSize and include", async () => {
    const calls = stubFetch(() => jsonResponse(200, page));
    const result = await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0c1", 2, 50, "attachments");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "GET",
      path: "/v1/customers/5f1c6a3e9d1b2c0011a0b0c1/messages",
      query: { page: "2", pageSize: "50", include: "attachments" },
      body: undefined,
    });
    expect(result).toEqual(page);
  });

  test("optional values the form left empty are not sent", async () => {
    const calls = stubFetch(() => jsonResponse(200, page));
    await main(TEST_AUTH, "c1", undefined, null as never, "");
    expect(calls[0]?.url.search).toBe("");
  });

  test("the customer id is encoded and required", async () => {
    const calls = stubFetch(() => jsonResponse(200, page));
    await main(TEST_AUTH, "c 1");
    expect(calls[0]?.url.pathname).toBe("/v1/customers/c%201/messages");
    await expect(main(TEST_AUTH, "")).rejects.toThrow("id is required");
    expect(calls).toHaveLength(1);
  });
});
