import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/create_message_by_customer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const body = {
  channel: "email" as const,
  app: "postmark",
  direction: "in" as const,
  preview: "My order arrived damaged",
  externalId: "mail-1001",
};

describe("create_message_by_customer", () => {
  test("sends POST /v1/customers/{id}/messages... with the body and returns the record", async () => {
    await callAndCheck(
      main,
      [ID, body],
      { method: "POST", path: `/v1/customers/${ID}/messages`, body },
      { status: 201, body: { data: { type: "record", id: "r1", attributes: body } } },
    );
  });

  testOfficialBody("POST", "/customers/{id}/messages", main, [ID, body]);

  test("the id is percent-encoded and required; invalid input is refused before sending", async () => {
    await callAndCheck(main, ["a/b", body], {
      method: "POST",
      path: "/v1/customers/a%2Fb/messages",
      body,
    });
    await expectRefused(main, ["", body], "id is required");
    await expectRefused(main, [ID, { app: "postmark" } as never], "body.channel is required");
  });

  test("a POST is not repeated after a 500: it may have been processed", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID, body)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
