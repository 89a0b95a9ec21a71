import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/messages/bulk_create_messages.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { expectOfficialBody, testWithOfficialSpec } from "../helpers/official-schema.ts";
import { sampleMessage } from "../helpers/samples.ts";

const queued = { data: { type: "bulk", id: "b3", attributes: { status: "queued" } } };
const messages = (count: number) =>
  Array.from({ length: count }, (_, index) => sampleMessage(index));

describe("bulk_create_messages", () => {
  test("sends POST /v1/messages/bulk with the array and returns the bulk operation", async () => {
    const calls = stubFetch(() => jsonResponse(200, queued));
    const result = await main(TEST_AUTH, messages(2));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: "/v1/messages/bulk",
      query: {},
      body: messages(2),
    });
    expect(result).toEqual(queued);
  });

  testWithOfficialSpec(`the body sent matches the official schema`, async () => {
    const calls = stubFetch(() => jsonResponse(200, queued));
    const withAttachmentIds = { ...sampleMessage(7), attachments: ["5f1c6a3e9d1b2c0011a0b0e1"] };
    await main(TEST_AUTH, [
      ...messages(5),
      withAttachmentIds as never,
      { channel: "sms", app: "twilio", queue: { id: "q1" } },
    ]);
    expectOfficialBody("POST", "/v1/messages/bulk", calls[0]?.body);
  });

  test("channel and app are required on every message", async () => {
    const calls = stubFetch(() => jsonResponse(200, queued));
    const error = (await main(TEST_AUTH, [
      { ...sampleMessage(0) },
      { preview: "hi" } as never,
    ]).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain("body[1].channel is required");
    expect(error.message).toContain("body[1].app is required");
    expect(calls).toHaveLength(0);
  });

  test("either shape of attachments is accepted, anything else is not", async () => {
    const calls = stubFetch(() => jsonResponse(200, queued));
    const byId = { channel: "email", app: "gmail", attachments: ["a1"] };
    const full = {
      channel: "email",
      app: "gmail",
      attachments: [
        { _id: "a1", name: "x.pdf", contentType: "application/pdf", contentLength: 10 },
      ],
    };
    await main(TEST_AUTH, [byId as never, full as never]);
    expect(calls).toHaveLength(1);
    await expect(
      main(TEST_AUTH, [{ channel: "email", app: "gmail", attachments: [42] } as never]),
    ).rejects.toThrow(
      "body[0].attachments does not match any of the 2 shapes Kustomer accepts here; the closest fails at body[0].attachments[0] must be an object",
    );
  });

  test("an empty queue from the form is dropped; a queue must name an id or an external queue", async () => {
    const calls = stubFetch(() => jsonResponse(200, queued));
    await main(TEST_AUTH, [{ channel: "chat", app: "chat", queue: {} as never }]);
    expect(calls[0]?.body).toEqual([{ channel: "chat", app: "chat" }]);
    await main(TEST_AUTH, [
      { channel: "chat", app: "chat", queue: { external: "amazon-connect" } },
    ]);
    expect(calls[1]?.body).toEqual([
      { channel: "chat", app: "chat", queue: { external: "amazon-connect" } },
    ]);
    await expect(
      main(TEST_AUTH, [{ channel: "chat", app: "chat", queue: { name: "Tier 2" } as never }]),
    ).rejects.toThrow(
      "body[0].queue does not match any of the 2 shapes Kustomer accepts here; the closest fails at body[0].queue.id is required",
    );
  });

  test("over 100 messages is refused before sending", async () => {
    const calls = stubFetch(() => jsonResponse(200, queued));
    await expect(main(TEST_AUTH, messages(120))).rejects.toThrow(
      "body has 120 items; Kustomer takes at most 100 per bulk request",
    );
    expect(calls).toHaveLength(0);
  });

  test("a 429 waits and retries, though this is a POST: a throttled request was not processed", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(429, {}, { "retry-after": "0" }) : jsonResponse(200, queued),
    );
    expect(await main(TEST_AUTH, messages(1))).toEqual(queued);
    expect(calls).toHaveLength(2);
  });
});
