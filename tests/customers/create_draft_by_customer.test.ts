import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/create_draft_by_customer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const body = {
  channel: "email" as const,
  app: "postmark" as const,
  to: [{ email: "ada@example.com" }],
  subject: "Your refund",
  body: "It is on its way.",
};

describe("create_draft_by_customer", () => {
  test("sends POST /v1/customers/{id}/drafts... with the body and returns the record", async () => {
    await callAndCheck(
      main,
      [ID, body],
      { method: "POST", path: `/v1/customers/${ID}/drafts`, body },
      { status: 201, body: { data: { type: "record", id: "r1", attributes: body } } },
    );
  });

  testOfficialBody("POST", "/customers/{id}/drafts", main, [ID, body]);

  test("the id is percent-encoded and required; invalid input is refused before sending", async () => {
    await callAndCheck(main, ["a/b", body], {
      method: "POST",
      path: "/v1/customers/a%2Fb/drafts",
      body,
    });
    await expectRefused(main, ["", body], "id is required");
    await expectRefused(main, [ID, { channel: "fax" } as never], "body does not match any of the");
  });

  test("a POST is not repeated after a 500: it may have been processed", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID, body)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
