import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/customers/create_conversation_for_customer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0c1";
const body = {
  name: "Order 1001 arrived damaged",
  externalId: "ticket-1001",
  priority: 3,
  tags: ["damaged"],
};

describe("create_conversation_for_customer", () => {
  test("sends POST /v1/customers/{id}/conversations... with the body and returns the record", async () => {
    await callAndCheck(
      main,
      [ID, body],
      { method: "POST", path: `/v1/customers/${ID}/conversations`, body },
      { status: 201, body: { data: { type: "record", id: "r1", attributes: body } } },
    );
  });

  testOfficialBody("POST", "/customers/{id}/conversations", main, [ID, body]);

  test("the id is percent-encoded and required; invalid input is refused before sending", async () => {
    await callAndCheck(main, ["a/b", body], {
      method: "POST",
      path: "/v1/customers/a%2Fb/conversations",
      body,
    });
    await expectRefused(main, ["", body], "id is required");
    await expectRefused(main, [ID, { name: "x", priority: 9 }], "body.priority must be at most 5");
  });

  test("a POST is not repeated after a 500: it may have been processed", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, ID, body)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
