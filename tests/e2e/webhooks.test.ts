// The whole event loop on 127.0.0.1: a webhook created with the create_outbound_webhook script in
// the sandbox, records changed with the scripts, the sandbox's signed deliveries received by a
// local server that hands them to the intake exactly as Windmill does (preprocessor(event) with
// kind "webhook", raw_string and lower-cased headers, then main with the resolved resource), and
// the normalised events that come out. Tampered and unsigned deliveries are refused; failed
// deliveries are retried, logged, and a webhook that keeps failing is disabled.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { main as createConversation } from "../../scripts/conversations/create_conversation.ts";
import { main as updateConversation } from "../../scripts/conversations/update_conversation_attributes.ts";
import { main as createCustomer } from "../../scripts/customers/create_customer.ts";
import { main as updateCustomer } from "../../scripts/customers/update_customer_attributes.ts";
import { main as createWebhook } from "../../scripts/outbound_webhooks/create_outbound_webhook.ts";
import { main as deleteWebhook } from "../../scripts/outbound_webhooks/delete_outbound_webhook.ts";
import { main as getWebhook } from "../../scripts/outbound_webhooks/get_outbound_webhook.ts";
import { main as listTransactions } from "../../scripts/outbound_webhooks/list_outbound_webhook_transactions.ts";
import { main as listWebhooks } from "../../scripts/outbound_webhooks/list_outbound_webhooks.ts";
import { main as listEvents } from "../../scripts/outbound_webhooks/list_subscribable_events.ts";
import { main as intake, preprocessor } from "../../scripts/webhooks/receive_kustomer_event.ts";

type Received =
  | { ok: true; event: Awaited<ReturnType<typeof intake>> }
  | { ok: false; code: string; message: string };

type Doc = { data: { id: string; attributes: { [field: string]: unknown } } };

/**
 * A stand-in for a Windmill webhook trigger: what Windmill builds from the request (args.rs
 * WebhookPreprocessorEvent), the preprocessor, "$res:" resolved from a resource table, then main.
 */
function startReceiver(resources: Map<string, { token: string }>) {
  const received: Received[] = [];
  let failuresLeft = 0;
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      if (failuresLeft > 0) {
        failuresLeft--;
        return new Response("down for a moment", { status: 503 });
      }
      const url = new URL(request.url);
      const headers: { [name: string]: string } = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const raw = await request.text();
      try {
        const args = await preprocessor({
          kind: "webhook",
          raw_string: url.searchParams.get("raw") === "true" ? raw : null,
          headers,
          query: Object.fromEntries(url.searchParams),
        });
        const resource = resources.get(args.webhook.replace(/^\$res:/, ""));
        if (!resource) {
          throw new Error(`no resource at ${args.webhook}`);
        }
        received.push({ ok: true, event: await intake(resource, args.raw_body, args.signature) });
      } catch (error) {
        const failure = error as Error & { code?: string };
        received.push({ ok: false, code: failure.code ?? "error", message: failure.message });
      }
      // Windmill's async webhook answers with a job id whatever the job's outcome.
      return Response.json({ job: received.length });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    received,
    failNext(count: number) {
      failuresLeft = count;
    },
    stop: () => server.stop(true),
  };
}

let sandbox: Sandbox;
let auth: { apiKey: string; baseUrl: string };
const resources = new Map<string, { token: string }>();
let receiver: ReturnType<typeof startReceiver>;

beforeAll(() => {
  sandbox = startSandbox({ port: 0, webhookRetryDelaysMs: [10, 20, 40] });
  auth = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
  receiver = startReceiver(resources);
});

afterAll(async () => {
  await sandbox.stop();
  receiver.stop();
});

beforeEach(() => {
  mock.restore(); // the real fetch: these tests talk to the sandbox and the receiver
});

afterEach(async () => {
  for (const hook of ((await listWebhooks(auth)) as { data: { id: string }[] }).data) {
    await deleteWebhook(auth, hook.id);
  }
  await sandbox.webhooksSettled();
  receiver.received.length = 0;
});

/** Creates a webhook at the receiver with the script and stores its token as the resource. */
async function subscribe(events: Parameters<typeof createWebhook>[1]["events"], path = "/hook") {
  const created = (await createWebhook(auth, {
    name: "Windmill intake",
    url: `${receiver.url}${path}?raw=true`,
    events,
    headers: [{ name: "X-Source", value: "kustomer-sandbox" }],
  })) as Doc;
  const token = String(created.data.attributes.token);
  resources.set("f/kustomer/kustomer_webhook", { token });
  return { id: created.data.id, token };
}

describe("sandbox → signed webhook → intake → normalised event", () => {
  test("a customer created then updated arrives as two verified events", async () => {
    await subscribe(["kustomer.customer.create", "kustomer.customer.update"]);
    const customer = (await createCustomer(auth, { name: "Ada", externalId: "crm-1" })) as Doc;
    await updateCustomer(auth, customer.data.id, { name: "Ada Lovelace" });
    await sandbox.webhooksSettled();

    expect(receiver.received.map((entry) => entry.ok)).toEqual([true, true]);
    // Deliveries may arrive in any order (Kustomer: "possibly out of order"); find each by name.
    const events = receiver.received.map((entry) => (entry.ok ? entry.event : null));
    const created = events.find((event) => event?.event === "kustomer.customer.create");
    const updated = events.find((event) => event?.event === "kustomer.customer.update");
    expect(created).toMatchObject({
      event: "kustomer.customer.create",
      known: true,
      resource: "customer",
      resourceId: customer.data.id,
      changes: {},
      rawChanges: null,
    });
    expect(updated).toMatchObject({
      event: "kustomer.customer.update",
      resourceId: customer.data.id,
      changes: { name: { before: "Ada", after: "Ada Lovelace" } },
    });
    expect(updated?.data).toMatchObject({ type: "customer", attributes: { name: "Ada Lovelace" } });
    expect(updated?.id).not.toBe(created?.id);
  });

  test("a conversation marked done: status change is flat, events not subscribed are not sent", async () => {
    await subscribe(["kustomer.conversation.update"]);
    const customer = (await createCustomer(auth, { name: "Grace" })) as Doc;
    const conversation = (await createConversation(auth, { customer: customer.data.id })) as Doc;
    await updateConversation(auth, conversation.data.id, { status: "done" });
    await sandbox.webhooksSettled();

    expect(receiver.received).toHaveLength(1);
    const entry = receiver.received[0];
    expect(entry?.ok && entry.event).toMatchObject({
      event: "kustomer.conversation.update",
      resource: "conversation",
      resourceId: conversation.data.id,
      changes: { status: { before: "open", after: "done" } },
    });
  });

  test("the delivery log, the events list and get-by-id (with the token) through the scripts", async () => {
    const { id, token } = await subscribe(["kustomer.customer.create"]);
    await createCustomer(auth, { name: "Linus" });
    await sandbox.webhooksSettled();
    const log = (await listTransactions(auth)) as { data: Doc["data"][] };
    expect(log.data[0]?.attributes).toMatchObject({
      webhookId: id,
      eventName: "kustomer.customer.create",
      status: "success",
      attempts: 1,
    });
    expect(((await getWebhook(auth, id)) as Doc).data.attributes.token).toBe(token);
    expect(((await listEvents(auth)) as { events: string[] }).events).toHaveLength(12);
  });
});

describe("refused deliveries", () => {
  async function capture(): Promise<{ body: string; headers: Headers }> {
    // Catch one real delivery at another path, to replay it altered.
    let caught: { body: string; headers: Headers } | undefined;
    const spy = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      async fetch(request) {
        caught = { body: await request.text(), headers: request.headers };
        return new Response(null, { status: 204 });
      },
    });
    await createWebhook(auth, {
      name: "spy",
      url: `http://127.0.0.1:${spy.port}/spy`,
      events: ["kustomer.customer.create"],
    });
    await createCustomer(auth, { name: "Spied" });
    await sandbox.webhooksSettled();
    spy.stop(true);
    if (!caught) {
      throw new Error("no delivery caught");
    }
    return caught;
  }

  test("a tampered body and an unsigned delivery are refused; the genuine one passes", async () => {
    const { token } = await subscribe(["kustomer.tag.create"]); // only to store the token
    const { body, headers } = await capture();
    // The spy webhook has its own token: sign with the intake's to replay as if to it.
    const hmac = new Bun.CryptoHasher("sha256", token).update(body).digest("hex");
    const post = (payload: string, signature?: string) =>
      fetch(`${receiver.url}/hook?raw=true`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-kustomer-webhook-event": headers.get("x-kustomer-webhook-event") ?? "",
          ...(signature === undefined ? {} : { "x-kustomer-webhook-signature": signature }),
        },
        body: payload,
      });
    await post(body, hmac);
    await post(body.replace('"Spied"', '"Spoofed"'), hmac);
    await post(body);
    await post(body, headers.get("x-kustomer-webhook-signature") ?? ""); // another webhook's key
    expect(receiver.received.map((entry) => (entry.ok ? "ok" : entry.code))).toEqual([
      "ok",
      "bad_signature",
      "missing_signature",
      "bad_signature",
    ]);
    for (const entry of receiver.received.slice(1)) {
      expect(entry.ok ? "" : entry.message).not.toContain("Spied");
      expect(entry.ok ? "" : entry.message).not.toContain(token);
    }
  });

  test("a webhook URL without ?raw=true is refused with the setting to change", async () => {
    await subscribe(["kustomer.customer.create"]);
    const hooks = (await listWebhooks(auth)) as { data: { id: string }[] };
    await deleteWebhook(auth, hooks.data[0]?.id ?? "");
    await createWebhook(auth, {
      name: "no raw",
      url: `${receiver.url}/hook`,
      events: ["kustomer.customer.create"],
    });
    await createCustomer(auth, { name: "Raw" });
    await sandbox.webhooksSettled();
    expect(receiver.received).toMatchObject([{ ok: false, code: "no_raw_body" }]);
  });
});

describe("the sandbox's delivery", () => {
  test("retries a failing receiver with backoff and logs the attempts", async () => {
    await subscribe(["kustomer.customer.create"]);
    receiver.failNext(2);
    await createCustomer(auth, { name: "Retry" });
    await sandbox.webhooksSettled();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.ok).toBe(true);
    const log = (await listTransactions(auth)) as { data: Doc["data"][] };
    expect(log.data[0]?.attributes).toMatchObject({ status: "success", attempts: 3 });
  });

  test("disables a webhook whose deliveries keep failing (isError), as Kustomer does", async () => {
    const { id } = await subscribe(["kustomer.customer.create"]);
    receiver.failNext(10);
    await createCustomer(auth, { name: "Down" });
    await sandbox.webhooksSettled();
    receiver.failNext(0);
    const hook = ((await getWebhook(auth, id)) as Doc).data.attributes;
    expect(hook).toMatchObject({ enabled: false, isError: true });
    const log = (await listTransactions(auth)) as { data: Doc["data"][] };
    expect(log.data[0]?.attributes).toMatchObject({ status: "failed", attempts: 4 });
    await createCustomer(auth, { name: "After" });
    await sandbox.webhooksSettled();
    expect(receiver.received).toHaveLength(0);
  });

  test("never leaves 127.0.0.1: an https webhook is logged as failed, not sent", async () => {
    await createWebhook(auth, {
      name: "internet",
      url: "https://hooks.example.com/kustomer",
      events: ["kustomer.customer.create"],
    });
    await createCustomer(auth, { name: "Offline" });
    await sandbox.webhooksSettled();
    const log = (await listTransactions(auth)) as { data: Doc["data"][] };
    expect(log.data[0]?.attributes).toMatchObject({
      status: "failed",
      responseStatus: 0,
      error: "the sandbox delivers to 127.0.0.1 only",
    });
  });

  test("holds at most 5 webhooks, as Kustomer does", async () => {
    for (let index = 0; index < 5; index++) {
      await createWebhook(auth, {
        name: `w${index}`,
        url: `${receiver.url}/w${index}`,
        events: ["kustomer.team.create"],
      });
    }
    await expect(
      createWebhook(auth, {
        name: "sixth",
        url: `${receiver.url}/w6`,
        events: ["kustomer.team.create"],
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
