// The sandbox sends outbound-webhook deliveries the way Kustomer describes them
// (developer.kustomer.com/docs/events/outbound-webhooks, /docs/events/delivery-and-retries and
// ../shared/kustomer/beyond-core/schemas/derived/webhook-event-envelope.json): on every create or
// update of a customer, conversation or message, each enabled webhook subscribed to the event gets
// a POST of the event envelope, with X-Kustomer-Webhook-Event (the event name) and
// X-Kustomer-Webhook-Signature (lowercase hex HMAC-SHA256 of the raw body keyed with the webhook's
// token), plus the webhook's own headers. A delivery that fails (no answer, a timeout, a non-2xx)
// is retried after growing delays; when every retry failed, the webhook is marked isError and
// disabled, as Kustomer does. Every delivery is a transaction in /v1/outbound-webhooks/transactions.
//
// The sandbox delivers to 127.0.0.1 and localhost only: it never reaches the internet, whatever
// URL a webhook holds.
import { createHmac } from "node:crypto";
import { newObjectId } from "./ids.ts";
import { CONVERSATIONS, CUSTOMERS, type Kind, MESSAGES, ORG_ID, render } from "./resources.ts";
import type { Doc, Json, Store } from "./store.ts";

export const OUTBOUND_WEBHOOKS: Kind = {
  collection: "outbound_webhooks",
  type: "outboundWebhook",
  selfBase: "/v1/outbound-webhooks",
  relationFields: [],
  defaults: () => ({}),
};

export const WEBHOOK_TRANSACTIONS: Kind = {
  collection: "outbound_webhook_transactions",
  type: "outboundWebhookTransaction",
  selfBase: "/v1/outbound-webhooks/transactions",
  relationFields: [],
  defaults: () => ({}),
};

/** The twelve subscribable events (developer.kustomer.com/docs/events/event-catalog). */
export const OUTBOUND_WEBHOOK_EVENTS = [
  "customer",
  "conversation",
  "message",
  "user",
  "team",
  "tag",
].flatMap((resource) => [`kustomer.${resource}.create`, `kustomer.${resource}.update`]);

/** The record kinds the sandbox models that Kustomer emits events for. */
const EMITTING_KINDS: { [collection: string]: Kind } = {
  [CUSTOMERS.collection]: CUSTOMERS,
  [CONVERSATIONS.collection]: CONVERSATIONS,
  [MESSAGES.collection]: MESSAGES,
};

export type WebhookSettings = {
  /**
   * Delays before each retry of a failed delivery, in ms. Kustomer retries for about an hour
   * (1, 1, 2, 5, 10, 15 and 30 minutes apart in its delivery docs); the sandbox's default is that
   * schedule a thousand times faster, so a local receiver that is down for a moment still gets it.
   */
  retryDelaysMs: number[];
  /** How long one delivery may take before it counts as failed. Kustomer: a few seconds. */
  timeoutMs: number;
};

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  retryDelaysMs: [60, 60, 120, 300, 600, 900, 1800],
  timeoutMs: 5000,
};

type Change = { op: "add" | "remove" | "replace"; before?: unknown; after?: unknown };

export class WebhookEmitter {
  private readonly pending = new Set<Promise<void>>();
  /** Waits between retries, each with its wake-up: stop() ends them at once. */
  private readonly waits = new Map<ReturnType<typeof setTimeout>, () => void>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly settings: WebhookSettings,
    private readonly log?: (line: string) => void,
  ) {}

  /** Called by the store after every write: emits an event when a modelled record changed. */
  recordWritten(collection: string, before: Doc | undefined, after: Doc): void {
    const kind = EMITTING_KINDS[collection];
    if (!kind || this.stopped) {
      return;
    }
    const name = `kustomer.${kind.type}.${before ? "update" : "create"}`;
    const webhooks = this.store
      .list(OUTBOUND_WEBHOOKS.collection)
      .filter(
        (hook) =>
          hook.attributes.enabled === true &&
          Array.isArray(hook.attributes.events) &&
          hook.attributes.events.includes(name),
      );
    if (webhooks.length === 0) {
      return;
    }
    const changes = before ? diff(before, after) : null;
    const envelope = {
      id: newObjectId(),
      name,
      org: ORG_ID,
      orgName: "sandbox",
      partition: ORG_ID,
      createdAt: new Date().toISOString(),
      persist: true,
      client: "sandbox",
      dataId: after.id,
      meta: { customChanged: Boolean(changes?.attributes.custom) },
      snsFilters: [],
      data: render(kind, after),
      changes,
    };
    const body = JSON.stringify(envelope);
    for (const hook of webhooks) {
      this.track(this.deliver(hook, name, body));
    }
  }

  /** Resolves when every delivery started so far has succeeded or given up. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const [timer, wake] of this.waits) {
      clearTimeout(timer);
      wake();
    }
    this.waits.clear();
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private async deliver(hook: Doc, name: string, body: string): Promise<void> {
    const url = String(hook.attributes.url);
    const transaction: Doc = {
      id: newObjectId(),
      attributes: {
        webhookId: hook.id,
        eventName: name,
        status: "pending",
        sentAt: Date.now(),
        nextRetry: null,
        attempts: 0,
      },
      rel: {},
    };
    const signature = createHmac("sha256", String(hook.attributes.token))
      .update(body)
      .digest("hex");
    const headers: { [name: string]: string } = {};
    for (const header of (hook.attributes.headers as { name: string; value: string }[]) ?? []) {
      headers[header.name] = header.value;
    }
    Object.assign(headers, {
      "content-type": "application/json",
      "x-kustomer-webhook-event": name,
      "x-kustomer-webhook-signature": signature,
    });
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.post(url, headers, body);
      const delay = this.settings.retryDelaysMs[attempt];
      const done = outcome.ok || delay === undefined || this.stopped;
      Object.assign(transaction.attributes, {
        status: outcome.ok ? "success" : done ? "failed" : "retrying",
        sentAt: Date.now(),
        attempts: attempt + 1,
        responseStatus: outcome.status,
        error: outcome.error ?? null,
        nextRetry: done ? null : new Date(Date.now() + (delay ?? 0)).toISOString(),
      });
      this.store.put(WEBHOOK_TRANSACTIONS.collection, transaction);
      if (done) {
        if (!outcome.ok) {
          this.disable(hook.id, name);
        }
        return;
      }
      await this.sleep(delay);
    }
  }

  private async post(
    url: string,
    headers: { [name: string]: string },
    body: string,
  ): Promise<{ ok: boolean; status: number; error?: string }> {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return { ok: false, status: 0, error: "the webhook's url is not a URL" };
    }
    if (host !== "127.0.0.1" && host !== "localhost") {
      return { ok: false, status: 0, error: "the sandbox delivers to 127.0.0.1 only" };
    }
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      await response.arrayBuffer();
      return { ok: response.ok, status: response.status };
    } catch (error) {
      return { ok: false, status: 0, error: error instanceof Error ? error.name : "error" };
    }
  }

  /** Kustomer disables a webhook that keeps failing (delivery-and-retries). */
  private disable(id: string, name: string): void {
    const hook = this.store.get(OUTBOUND_WEBHOOKS.collection, id);
    if (hook) {
      this.store.put(OUTBOUND_WEBHOOKS.collection, {
        ...hook,
        attributes: { ...hook.attributes, enabled: false, isError: true },
      });
      this.log?.(`outbound webhook ${id} disabled: ${name} could not be delivered`);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.set(timer, resolve);
    });
  }
}

/** { attributes, relationships } with { op, before, after } per changed field. */
function diff(before: Doc, after: Doc): { attributes: Json; relationships: Json } {
  return {
    attributes: diffFields(before.attributes, after.attributes),
    relationships: diffFields(before.rel, after.rel),
  };
}

function diffFields(before: Json, after: Json): { [field: string]: Change } {
  const changes: { [field: string]: Change } = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[field];
    const now = after[field];
    if (JSON.stringify(was) === JSON.stringify(now)) {
      continue;
    }
    changes[field] =
      was === undefined
        ? { op: "add", after: now }
        : now === undefined
          ? { op: "remove", before: was }
          : { op: "replace", before: was, after: now };
  }
  return changes;
}
