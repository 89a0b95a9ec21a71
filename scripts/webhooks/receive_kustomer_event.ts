/**
 * Receive a Kustomer event (verified)
 *
 * The intake of a Kustomer outbound webhook: attach it to a Windmill webhook (URL with ?raw=true)
 * or an HTTP route (Raw body on), or make it the first step of a flow. It accepts a delivery only
 * when X-Kustomer-Webhook-Signature is the hex HMAC-SHA256 of the raw body under the webhook's
 * token (compared in constant time), and returns one normalised event: { id, event, resource,
 * resourceId, orgId, createdAt, data, changes, rawChanges }, with changes flattened to
 * { field: { before, after } } so a flow can branch on "status changed to done". Anything else
 * fails the job with an error that says what is wrong and never holds the token or event data.
 * Deliveries come at least once: drop repeats by the event id (README, "Dedupe").
 *
 * Roles: none (Kustomer calls Windmill; this script makes no Kustomer request)
 * Reference: https://developer.kustomer.com/docs/events/outbound-webhooks
 */

/**
 * The webhook's signing secret (the Windmill resource type `kustomer_webhook`): the `token` that
 * Create outbound webhook and Get outbound webhook return.
 */
type KustomerWebhook = {
  /** The outbound webhook's token: the HMAC key of X-Kustomer-Webhook-Signature. Never printed. */
  token: string;
};

/** Where the preprocessor looks for the kustomer_webhook resource unless ?resource= names one. */
const KUSTOMER_WEBHOOK_RESOURCE = "f/kustomer/kustomer_webhook";

/** Kustomer's largest documents are far smaller; a bigger body is refused before any work. */
const KUSTOMER_WEBHOOK_MAX_BYTES = 10 * 1024 * 1024;

/** The twelve subscribable events (developer.kustomer.com/docs/events/event-catalog). */
const KUSTOMER_WEBHOOK_EVENTS = [
  "customer",
  "conversation",
  "message",
  "user",
  "team",
  "tag",
].flatMap((resource) => [`kustomer.${resource}.create`, `kustomer.${resource}.update`]);

/** A failed check. The message says what to fix; it never holds the token or the event's data. */
class KustomerWebhookError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "KustomerWebhookError";
    this.code = code;
  }
}

/**
 * Windmill calls this first when a webhook or an HTTP route triggers the script; what it returns
 * becomes main's arguments. Windmill's preprocessor contract (docs/core_concepts/43_preprocessors in
 * windmill-labs/windmilldocs; backend/windmill-api/src/args.rs `WebhookPreprocessorEvent` and
 * backend/windmill-api/src/http_trigger_args.rs `HttpTriggerPreprocessorEvent` in
 * windmill-labs/windmill): `event` is { kind: "webhook", body, raw_string, headers, query } or
 * { kind: "http", trigger_path, body, raw_string, route, path, method, params, query, headers }.
 * With a preprocessor, Windmill passes every request header, lower-cased (args.rs `build_headers`
 * with include_all_headers). `raw_string` is the body exactly as sent, but only when asked for:
 * `?raw=true` on a webhook URL (args.rs `RequestQuery.raw`), "Raw body" (`raw_string: true`) in an
 * HTTP route's settings. A signature can only be checked against those exact bytes.
 *
 * The resource is passed as "$res:<path>", which Windmill's worker resolves to the resource's value
 * before main runs (windmill-worker: `transform_json_value`, "$res:" prefix).
 */
export async function preprocessor(event: {
  kind: string;
  raw_string?: string | null;
  headers?: { [name: string]: string };
  query?: { [name: string]: string };
}) {
  if (event.kind !== "webhook" && event.kind !== "http") {
    throw new KustomerWebhookError(
      "wrong_trigger",
      `Kustomer delivers events by HTTP: attach this script to a Windmill webhook or HTTP route (it was triggered by "${String(event.kind).slice(0, 40)}")`,
    );
  }
  if (typeof event.raw_string !== "string") {
    throw new KustomerWebhookError(
      "no_raw_body",
      event.kind === "webhook"
        ? "Windmill did not pass the raw body, which the signature is computed over: add ?raw=true to the webhook URL you gave Kustomer"
        : 'Windmill did not pass the raw body, which the signature is computed over: turn on "Raw body" in the HTTP route\'s settings',
    );
  }
  // Anyone who can reach the URL chooses the query: only a resource named kustomer_webhook… can be
  // picked, so the check can never run against some other resource's `token`.
  const resource = event.query?.resource ?? KUSTOMER_WEBHOOK_RESOURCE;
  if (!/^[fu]\/[\w.-]+\/(?:[\w.-]+\/)*kustomer_webhook[\w.-]*$/.test(resource)) {
    throw new KustomerWebhookError(
      "bad_resource_path",
      "?resource= must be the path of a resource whose name starts with kustomer_webhook, such as f/kustomer/kustomer_webhook_eu",
    );
  }
  return {
    webhook: `$res:${resource}`,
    raw_body: event.raw_string,
    signature: kustomerWebhookHeader(event.headers ?? {}, "x-kustomer-webhook-signature") ?? "",
  };
}

/**
 * @param webhook the kustomer_webhook resource holding the webhook's token
 * @param raw_body the request body exactly as Kustomer sent it
 * @param signature the X-Kustomer-Webhook-Signature header
 */
export async function main(webhook: KustomerWebhook, raw_body: string, signature: string) {
  const token = kustomerWebhookToken(webhook);
  if (typeof raw_body !== "string" || raw_body === "") {
    throw new KustomerWebhookError(
      "empty_body",
      "the delivery has no body: pass the raw request body as raw_body",
    );
  }
  const bytes = new TextEncoder().encode(raw_body);
  if (bytes.length > KUSTOMER_WEBHOOK_MAX_BYTES) {
    throw new KustomerWebhookError(
      "body_too_large",
      `the body is ${bytes.length} bytes, more than the ${KUSTOMER_WEBHOOK_MAX_BYTES} this intake accepts from Kustomer; it was not checked`,
    );
  }
  const given = typeof signature === "string" ? signature.trim().toLowerCase() : "";
  if (given === "") {
    throw new KustomerWebhookError(
      "missing_signature",
      "the delivery has no X-Kustomer-Webhook-Signature header: it did not come from a Kustomer outbound webhook, and was refused",
    );
  }
  if (!/^[0-9a-f]{64}$/.test(given)) {
    throw new KustomerWebhookError(
      "malformed_signature",
      `X-Kustomer-Webhook-Signature is not 64 hex characters (an HMAC-SHA256 in hex) but ${given.length} characters: the delivery was refused`,
    );
  }
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(token),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const expected = new Uint8Array(await crypto.subtle.sign("HMAC", key, bytes));
  if (!kustomerWebhookSameDigest(expected, given)) {
    throw new KustomerWebhookError(
      "bad_signature",
      "X-Kustomer-Webhook-Signature does not match the body under the kustomer_webhook token: the body was changed on the way, or the token is not this webhook's (read it again with Get outbound webhook). The delivery was refused",
    );
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw_body);
  } catch {
    throw new KustomerWebhookError(
      "not_json",
      "the body is correctly signed but is not JSON; Kustomer sends its event envelope as JSON",
    );
  }
  return kustomerNormaliseEvent(envelope);
}

/** The token, checked: a blank or padded token is a setup mistake worth naming. */
function kustomerWebhookToken(webhook: KustomerWebhook): string {
  const token = webhook?.token;
  if (typeof token !== "string" || token === "") {
    throw new KustomerWebhookError(
      "missing_token",
      "webhook.token is empty: set it to the token Kustomer returned when the webhook was created (Get outbound webhook shows it again)",
    );
  }
  if (token.trim() !== token || /\s/.test(token)) {
    throw new KustomerWebhookError(
      "bad_token",
      "webhook.token contains spaces or line breaks: paste the token exactly as Kustomer returned it",
    );
  }
  return token;
}

/** Compares every byte whatever differs first, so the time taken reveals nothing. */
function kustomerWebhookSameDigest(expected: Uint8Array, givenHex: string): boolean {
  let difference = expected.length === givenHex.length / 2 ? 0 : 1;
  for (let index = 0; index < expected.length; index++) {
    const byte = Number.parseInt(givenHex.slice(index * 2, index * 2 + 2), 16);
    difference |= (expected[index] ?? 0) ^ byte;
  }
  return difference === 0;
}

function kustomerWebhookHeader(headers: { [name: string]: string }, name: string) {
  for (const [key, value] of Object.entries(headers)) {
    const normal = key.toLowerCase().replace(/_/g, "-");
    if (normal === name) {
      return value;
    }
  }
  return undefined;
}

type KustomerChange = { before: unknown; after: unknown };

/**
 * The envelope ({ id, name, org, createdAt, data, changes, … }) as one flat event. `changes` maps
 * each changed attribute to { before, after } (custom attributes also as custom.<name>, relations
 * as relationships.<name>); it is {} on create, where Kustomer sends changes: null.
 */
function kustomerNormaliseEvent(envelope: unknown) {
  const record = kustomerObject(envelope);
  const data = kustomerObject(record?.data);
  const missing = [
    typeof record?.id === "string" ? "" : "id",
    typeof record?.name === "string" ? "" : "name",
    typeof data?.type === "string" ? "" : "data.type",
    typeof data?.id === "string" ? "" : "data.id",
  ].filter((field) => field !== "");
  if (!record || !data || missing.length > 0) {
    throw new KustomerWebhookError(
      "not_an_event",
      `the body is signed but is not a Kustomer event envelope: it lacks ${missing.join(", ") || "an object"}`,
    );
  }
  const name = record.name as string;
  const rawChanges = kustomerObject(record.changes) ?? null;
  const changes: { [field: string]: KustomerChange } = {};
  for (const [field, change] of Object.entries(kustomerObject(rawChanges?.attributes) ?? {})) {
    const entry = kustomerObject(change) ?? {};
    changes[field] = { before: entry.before ?? null, after: entry.after ?? null };
    const before = kustomerObject(entry.before) ?? {};
    const after = kustomerObject(entry.after) ?? {};
    if (field === "custom") {
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
          changes[`custom.${key}`] = { before: before[key] ?? null, after: after[key] ?? null };
        }
      }
    }
  }
  for (const [field, change] of Object.entries(kustomerObject(rawChanges?.relationships) ?? {})) {
    const entry = kustomerObject(change) ?? {};
    changes[`relationships.${field}`] = {
      before: entry.before ?? null,
      after: entry.after ?? null,
    };
  }
  return {
    id: record.id as string,
    event: name,
    // An event name the docs do not list (Kustomer may add some) is still returned, verified.
    known: KUSTOMER_WEBHOOK_EVENTS.includes(name),
    resource: data.type as string,
    resourceId: data.id as string,
    orgId: typeof record.org === "string" ? record.org : null,
    createdAt: typeof record.createdAt === "string" ? record.createdAt : null,
    data,
    changes,
    rawChanges,
  };
}

function kustomerObject(value: unknown): { [key: string]: unknown } | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as { [key: string]: unknown })
    : undefined;
}

/**
 * From a terminal: the token from KUSTOMER_WEBHOOK_TOKEN (never from the command line), the body
 * from stdin or --body @file, the signature from --signature. Prints the normalised event, or the
 * error's code and message (exit code 1).
 *   KUSTOMER_WEBHOOK_TOKEN=… bun run scripts/webhooks/receive_kustomer_event.ts --signature 9f… < event.json
 */
async function kustomerWebhookCli(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at === -1 ? undefined : argv[at + 1];
  };
  if (argv.includes("--help")) {
    process.stdout.write(
      "Usage: KUSTOMER_WEBHOOK_TOKEN=<token> bun run scripts/webhooks/receive_kustomer_event.ts --signature <hex> [--body @file] < body\n",
    );
    return 0;
  }
  if (argv.includes("--token")) {
    process.stderr.write(
      "error: the token is a secret: pass it in KUSTOMER_WEBHOOK_TOKEN, not on the command line\n",
    );
    return 2;
  }
  const bodyOption = option("body");
  const raw = bodyOption?.startsWith("@")
    ? await Bun.file(bodyOption.slice(1)).text()
    : (bodyOption ?? (await new Response(Bun.stdin.stream()).text()));
  try {
    const event = await main(
      { token: process.env.KUSTOMER_WEBHOOK_TOKEN ?? "" },
      raw,
      option("signature") ?? "",
    );
    process.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
    return 0;
  } catch (error) {
    const known = error instanceof KustomerWebhookError;
    process.stderr.write(
      `error${known ? ` (${error.code})` : ""}: ${error instanceof Error ? error.message : "failed"}\n`,
    );
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await kustomerWebhookCli(process.argv.slice(2));
}
