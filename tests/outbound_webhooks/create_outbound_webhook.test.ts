import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { main } from "../../scripts/outbound_webhooks/create_outbound_webhook.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

type Body = Parameters<typeof main>[1];

const webhook: Body = {
  name: "Windmill: conversations",
  url: "https://windmill.example.com/api/r/kustomer/events",
  events: ["kustomer.conversation.create", "kustomer.conversation.update"],
  headers: [{ name: "X-Source", value: "kustomer" }],
  enabled: true,
};

// The oracle: the request schema written from Kustomer's outbound-webhook docs.
const DERIVED = join(
  import.meta.dir,
  "../../../shared/kustomer/beyond-core/schemas/derived/create-outbound-webhook.request.json",
);
const derivedAvailable = existsSync(DERIVED);
if (!derivedAvailable) {
  console.warn(
    `NOTE: skipped: ${DERIVED} not found, so the webhook body is not checked against it`,
  );
}

describe("create_outbound_webhook", () => {
  test("sends POST /v1/outbound-webhooks and returns the webhook with its token; a blank headers list is not sent", async () => {
    const { headers: _headers, ...withoutHeaders } = webhook;
    const answer = kustomerRecord("outboundWebhook", "6717c2a4e5b1f00012ab3600", {
      ...withoutHeaders,
      token: "a1b2c3",
    });
    await callAndCheck(
      main,
      [{ ...webhook, headers: [] }],
      { method: "POST", path: "/v1/outbound-webhooks", body: withoutHeaders },
      { status: 201, body: answer },
    );
  });

  test("the whole body is sent as given", async () => {
    await callAndCheck(
      main,
      [webhook],
      { method: "POST", path: "/v1/outbound-webhooks", body: webhook },
      { status: 201, body: { data: { id: "w1", attributes: { token: "t" } } } },
    );
  });

  // Registered only with ../shared (the note below says so once): Bun repeats skipped tests.
  (derivedAvailable ? test : () => {})(
    "the body sent matches the schema written from Kustomer's docs",
    async () => {
      const calls = stubFetch(() => jsonResponse(201, { data: {} }));
      await main(TEST_AUTH, webhook);
      const validate = new Ajv({ strict: false }).compile(
        JSON.parse(readFileSync(DERIVED, "utf8")),
      );
      expect(validate(calls[0]?.body)).toBe(true);
    },
  );

  test("refuses what Kustomer refuses, before sending", async () => {
    await expectRefused(main, [{ ...webhook, url: "http://hooks.example.com/k" }], "body.url");
    await expectRefused(main, [{ ...webhook, name: "n".repeat(256) }], "body.name");
    await expectRefused(
      main,
      [{ ...webhook, events: ["kustomer.conversation.delete"] as unknown as Body["events"] }],
      "body.events[0]",
    );
    const thirteen = [...Array(13)].map(() => "kustomer.customer.update") as Body["events"];
    await expectRefused(main, [{ ...webhook, events: thirteen }], "body.events");
    await expectRefused(main, [{ ...webhook, events: [] }], "body.events is required");
    await expectRefused(
      main,
      [{ ...webhook, headers: [{ name: "X-Only-Name" }] as Body["headers"] }],
      "body.headers[0].value is required",
    );
  });

  test("plain http is accepted only to 127.0.0.1 (a receiver behind the local sandbox)", async () => {
    const local = { ...webhook, url: "http://127.0.0.1:8787/hook" };
    await callAndCheck(
      main,
      [local],
      { method: "POST", path: "/v1/outbound-webhooks", body: local },
      { status: 201, body: { data: {} } },
    );
    await expectRefused(main, [{ ...webhook, url: "http://127.0.0.1.evil.com/x" }], "body.url");
  });

  test("a create is not repeated after a network error", async () => {
    const calls = stubFetch(() => {
      throw new TypeError("socket closed");
    });
    await expect(main(TEST_AUTH, webhook)).rejects.toMatchObject({ code: "network_error" });
    expect(calls).toHaveLength(1);
  });
});
