import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/conversations/create_conversation.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const conversation = {
  customer: "5f1c6a3e9d1b2c0011a0b0c2",
  externalId: "zendesk-ticket-4711",
  name: "Refund for order A-1001",
  status: "open" as const,
  priority: 3,
  direction: "in" as const,
  tags: ["refund request"],
  assignedTeams: ["5f1c6a3e9d1b2c0011a0b0e1"],
  custom: { orderNumberStr: "A-1001", orderTotalNum: 89.5 },
};

describe("create_conversation", () => {
  test("sends POST /v1/conversations with the body and returns the new conversation", async () => {
    await callAndCheck(
      main,
      [conversation],
      { method: "POST", path: "/v1/conversations", body: conversation },
      { status: 201, body: kustomerRecord("conversation", "cv1", { name: conversation.name }) },
    );
  });

  test("fields the form left blank are not sent", async () => {
    await callAndCheck(main, [{ customer: conversation.customer, name: "", tags: [] }], {
      method: "POST",
      path: "/v1/conversations",
      body: { customer: conversation.customer },
    });
  });

  testOfficialBody("POST", "/conversations", main, [
    { ...conversation, importedAt: "2024-03-01T10:00:00.000Z" },
  ]);

  test("a missing customer or a wrong status is refused before sending", async () => {
    await expectRefused(main, [{ name: "No customer" }], "body.customer is required");
    await expectRefused(
      main,
      [{ customer: conversation.customer, status: "snoozed" }],
      'body.status must be one of "open", "done" (got "snoozed")',
    );
  });

  test("a create is not repeated after a 500 (it may have been made)", async () => {
    const calls = stubFetch(() => jsonResponse(500, {}, { "retry-after": "0" }));
    await expect(main(TEST_AUTH, conversation)).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
  });
});
