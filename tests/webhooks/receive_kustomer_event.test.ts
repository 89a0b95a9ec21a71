// The verified intake: what Windmill hands the preprocessor, what main accepts, and every way a
// delivery is refused. Signatures are made here with node:crypto, independently of the script's
// Web Crypto code.
import { describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import init, { parse_deno } from "windmill-parser-wasm-ts";
import { main, preprocessor } from "../../scripts/webhooks/receive_kustomer_event.ts";
import { ROOT, readProjectFile } from "../helpers/project.ts";

const TOKEN = "3f6c0a9e1d2b4c5a6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";
const WEBHOOK = { token: TOKEN };

function sign(body: string, token = TOKEN): string {
  return createHmac("sha256", token).update(body).digest("hex");
}

/** A kustomer.conversation.update envelope as Kustomer documents it (event catalog). */
function conversationUpdate(overrides: { [key: string]: unknown } = {}) {
  return {
    id: "6717c2a4e5b1f00012ab3500",
    name: "kustomer.conversation.update",
    org: "5f8481c6a22ab5b9d5f2dd8a",
    orgName: "acme",
    partition: "5f8481c6a22ab5b9d5f2dd8a",
    createdAt: "2026-10-21T15:00:02.130Z",
    persist: true,
    client: "api-gw",
    dataId: "6717c29de5b1f00012ab34c0",
    meta: { customChanged: true },
    snsFilters: [],
    data: {
      type: "conversation",
      id: "6717c29de5b1f00012ab34c0",
      attributes: { status: "done", priority: 3, custom: { tierStr: "gold", caseNum: 7 } },
      relationships: { customer: { data: { type: "customer", id: "6717c29de5b1f00012ab34b9" } } },
    },
    changes: {
      attributes: {
        status: { op: "replace", before: "open", after: "done" },
        custom: {
          op: "replace",
          before: { tierStr: "silver", caseNum: 7 },
          after: { tierStr: "gold", caseNum: 7 },
        },
      },
      relationships: {
        assignedUsers: { op: "add", before: null, after: { data: [{ type: "user", id: "u1" }] } },
      },
    },
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected the delivery to be refused");
}

/** A refusal never carries the token or anything of the event. */
function expectClean(error: Error, ...secrets: string[]) {
  const text = `${error.message} ${error.stack ?? ""} ${JSON.stringify(error)}`;
  for (const secret of [TOKEN, ...secrets]) {
    expect(text).not.toContain(secret);
  }
}

describe("main: a correctly signed delivery", () => {
  test("returns one normalised event with changes flattened to { before, after }", async () => {
    const body = JSON.stringify(conversationUpdate());
    const event = await main(WEBHOOK, body, sign(body));
    expect(event).toEqual({
      id: "6717c2a4e5b1f00012ab3500",
      event: "kustomer.conversation.update",
      known: true,
      resource: "conversation",
      resourceId: "6717c29de5b1f00012ab34c0",
      orgId: "5f8481c6a22ab5b9d5f2dd8a",
      createdAt: "2026-10-21T15:00:02.130Z",
      data: conversationUpdate().data,
      changes: {
        status: { before: "open", after: "done" },
        custom: {
          before: { tierStr: "silver", caseNum: 7 },
          after: { tierStr: "gold", caseNum: 7 },
        },
        "custom.tierStr": { before: "silver", after: "gold" },
        "relationships.assignedUsers": {
          before: null,
          after: { data: [{ type: "user", id: "u1" }] },
        },
      },
      rawChanges: conversationUpdate().changes,
    });
  });

  test("a create has changes {} and rawChanges null (Kustomer sends changes: null)", async () => {
    const body = JSON.stringify(
      conversationUpdate({ name: "kustomer.customer.create", changes: null }),
    );
    const event = await main(WEBHOOK, body, sign(body));
    expect(event.changes).toEqual({});
    expect(event.rawChanges).toBeNull();
    expect(event.event).toBe("kustomer.customer.create");
  });

  test("the signature is checked over the raw bytes: whitespace and key order as sent", async () => {
    const body = `{ "name":"kustomer.message.create",\n "id":"e1", "org":"o1",
      "data": {"id":"m1","type":"message","attributes":{"preview":"héllo ✓"}}, "changes": null }`;
    const event = await main(WEBHOOK, body, sign(body));
    expect(event).toMatchObject({ id: "e1", resource: "message", resourceId: "m1" });
    expect(event.data).toEqual({ id: "m1", type: "message", attributes: { preview: "héllo ✓" } });
  });

  test("an upper-case hex signature is accepted (hex is case-insensitive)", async () => {
    const body = JSON.stringify(conversationUpdate());
    await expect(main(WEBHOOK, body, sign(body).toUpperCase())).resolves.toMatchObject({
      id: "6717c2a4e5b1f00012ab3500",
    });
  });

  test("an event name the docs do not list is returned, verified, with known: false", async () => {
    const body = JSON.stringify(conversationUpdate({ name: "kustomer.kobject.update" }));
    const event = await main(WEBHOOK, body, sign(body));
    expect(event).toMatchObject({ event: "kustomer.kobject.update", known: false });
  });

  test("a replayed delivery returns the same event, same id: the flow's dedupe step drops it", async () => {
    const body = JSON.stringify(conversationUpdate());
    const first = await main(WEBHOOK, body, sign(body));
    const again = await main(WEBHOOK, body, sign(body));
    expect(again).toEqual(first);
  });

  test("a 5 MB body is verified and normalised", async () => {
    const big = conversationUpdate();
    (big.data.attributes as { [key: string]: unknown }).bigTxt = "x".repeat(5 * 1024 * 1024);
    const body = JSON.stringify(big);
    const event = await main(WEBHOOK, body, sign(body));
    expect(event.id).toBe(big.id);
  });
});

describe("main: refused deliveries", () => {
  const body = JSON.stringify(conversationUpdate());

  test("a missing signature", async () => {
    const error = await refusal(main(WEBHOOK, body, ""));
    expect(error.code).toBe("missing_signature");
    expect(error.message).toContain("X-Kustomer-Webhook-Signature");
    expectClean(error, "6717c29de5b1f00012ab34c0", "done");
  });

  test("a malformed signature (not 64 hex characters)", async () => {
    for (const bad of ["abc", `${sign(body)}00`, "z".repeat(64), `sha256=${sign(body)}`]) {
      const error = await refusal(main(WEBHOOK, body, bad));
      expect(error.code).toBe("malformed_signature");
      expectClean(error, "6717c29de5b1f00012ab34c0");
    }
  });

  test("a wrong signature: a tampered body, another token, a token of another length", async () => {
    const tampered = body.replace('"done"', '"open"');
    for (const [raw, signature] of [
      [tampered, sign(body)],
      [body, sign(body, "another-token")],
      [body, sign(body, TOKEN.slice(0, 16))],
      [body, sign(body, `${TOKEN}00`)],
    ] as const) {
      const error = await refusal(main(WEBHOOK, raw, signature));
      expect(error.code).toBe("bad_signature");
      expectClean(error, "6717c29de5b1f00012ab34c0", signature);
    }
    // The other way round: our resource holds a token of the wrong length.
    const short = await refusal(main({ token: TOKEN.slice(0, 20) }, body, sign(body)));
    expect(short.code).toBe("bad_signature");
  });

  test("an empty or padded token is named as a setup mistake, without echoing it", async () => {
    expect((await refusal(main({ token: "" }, body, sign(body)))).code).toBe("missing_token");
    expect((await refusal(main({} as { token: string }, body, sign(body)))).code).toBe(
      "missing_token",
    );
    const padded = await refusal(main({ token: `${TOKEN}\n` }, body, sign(body)));
    expect(padded.code).toBe("bad_token");
    expectClean(padded);
  });

  test("a correctly signed body that is not JSON, or not an event envelope", async () => {
    const notJson = "id=6717&status=done";
    const error = await refusal(main(WEBHOOK, notJson, sign(notJson)));
    expect(error.code).toBe("not_json");
    expectClean(error, "6717", "status=done");
    const notEvent = JSON.stringify({ hello: "world" });
    const second = await refusal(main(WEBHOOK, notEvent, sign(notEvent)));
    expect(second.code).toBe("not_an_event");
    expect(second.message).toContain("id, name, data.type, data.id");
    expectClean(second, "world");
  });

  test("an empty body, and one above 10 MB (refused before it is hashed or parsed)", async () => {
    expect((await refusal(main(WEBHOOK, "", sign("")))).code).toBe("empty_body");
    const huge = `{"pad":"${"x".repeat(10 * 1024 * 1024)}"}`;
    expect((await refusal(main(WEBHOOK, huge, sign(huge)))).code).toBe("body_too_large");
  });

  test("an unsigned 5 MB body is refused", async () => {
    const big = `{"pad":"${"x".repeat(5 * 1024 * 1024)}"}`;
    expect((await refusal(main(WEBHOOK, big, "0".repeat(64)))).code).toBe("bad_signature");
  });
});

describe("preprocessor: Windmill's trigger event", () => {
  const body = JSON.stringify(conversationUpdate());

  test("a webhook (URL with ?raw=true): raw body, lower-cased headers, the default resource", async () => {
    const args = await preprocessor({
      kind: "webhook",
      raw_string: body,
      headers: {
        "content-type": "application/json",
        "x-kustomer-webhook-event": "kustomer.conversation.update",
        "x-kustomer-webhook-signature": sign(body),
      },
      query: { raw: "true" },
    });
    expect(args).toEqual({
      webhook: "$res:f/kustomer/kustomer_webhook",
      raw_body: body,
      signature: sign(body),
    });
    // What main then gets once Windmill has resolved $res: to the resource's value.
    await expect(main(WEBHOOK, args.raw_body, args.signature)).resolves.toMatchObject({
      event: "kustomer.conversation.update",
    });
  });

  test("an HTTP route (Raw body on), with ?resource= naming another kustomer_webhook", async () => {
    const args = await preprocessor({
      kind: "http",
      raw_string: body,
      headers: { "X-Kustomer-Webhook-Signature": sign(body) },
      query: { resource: "f/support/kustomer_webhook_eu" },
    });
    expect(args.webhook).toBe("$res:f/support/kustomer_webhook_eu");
    expect(args.signature).toBe(sign(body));
  });

  test("no raw body: says which Windmill setting to turn on", async () => {
    const webhook = await refusal(preprocessor({ kind: "webhook", raw_string: null }));
    expect(webhook.message).toContain("?raw=true");
    const http = await refusal(preprocessor({ kind: "http" }));
    expect(http.message).toContain("Raw body");
  });

  test("an unsigned delivery gets an empty signature, which main refuses", async () => {
    const args = await preprocessor({ kind: "webhook", raw_string: body, headers: {} });
    expect((await refusal(main(WEBHOOK, args.raw_body, args.signature))).code).toBe(
      "missing_signature",
    );
  });

  test("another trigger kind, or a bad ?resource=, is refused", async () => {
    expect((await refusal(preprocessor({ kind: "kafka", raw_string: body }))).code).toBe(
      "wrong_trigger",
    );
    for (const resource of [
      "../x",
      "f/kustomer/kustomer",
      "f/secrets/github_token",
      "f/a/kustomer_webhook/../x",
    ]) {
      const bad = await refusal(
        preprocessor({ kind: "webhook", raw_string: body, query: { resource } }),
      );
      expect(bad.code).toBe("bad_resource_path");
    }
  });
});

describe("as a Windmill script", () => {
  const source = readProjectFile("scripts/webhooks/receive_kustomer_event.ts");

  test("pastes alone: no imports, no require; Bun (not //native: it uses Web Crypto)", () => {
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(/);
    expect(source.startsWith("/**\n * Receive a Kustomer event (verified)\n")).toBe(true);
    expect(source).toMatch(/\n \* Roles: none \(/);
    expect(source).toMatch(/\n \* Reference: https:\/\/developer\.kustomer\.com\/\S+\n/);
  });

  test("Windmill's parser sees main(webhook: kustomer_webhook resource, raw_body, signature)", async () => {
    await init({
      module_or_path: readFileSync(
        require.resolve("windmill-parser-wasm-ts/windmill_parser_wasm_bg.wasm"),
      ),
    });
    const parsed = JSON.parse(parse_deno(source)) as {
      args: { name: string; typ: unknown; has_default: boolean }[];
    };
    expect(parsed.args.map((arg) => arg.name)).toEqual(["webhook", "raw_body", "signature"]);
    expect(parsed.args[0]?.typ).toMatchObject({ object: { name: "kustomer_webhook" } });
    expect(parsed.args.slice(1).map((arg) => arg.typ)).toEqual([{ str: null }, { str: null }]);
  });
});

describe("from a terminal", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kustomer-intake-"));
  const script = join(ROOT, "scripts/webhooks/receive_kustomer_event.ts");
  const body = JSON.stringify(conversationUpdate());
  const file = join(scratch, "event.json");
  writeFileSync(file, body);

  function run(args: string[], env: { [name: string]: string }, stdin?: string) {
    const child = Bun.spawnSync(["bun", script, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdin: stdin === undefined ? "ignore" : new TextEncoder().encode(stdin),
    });
    return { code: child.exitCode, out: child.stdout.toString(), err: child.stderr.toString() };
  }

  test("token from KUSTOMER_WEBHOOK_TOKEN, body from @file or stdin", () => {
    const fromFile = run(["--signature", sign(body), "--body", `@${file}`], {
      KUSTOMER_WEBHOOK_TOKEN: TOKEN,
    });
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.out)).toMatchObject({ id: "6717c2a4e5b1f00012ab3500" });
    const fromStdin = run(["--signature", sign(body)], { KUSTOMER_WEBHOOK_TOKEN: TOKEN }, body);
    expect(fromStdin.code).toBe(0);
  });

  test("a tampered body fails with exit code 1, printing neither token nor data", () => {
    const result = run(
      ["--signature", sign(body)],
      { KUSTOMER_WEBHOOK_TOKEN: TOKEN },
      body.replace("done", "open"),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain("bad_signature");
    expect(result.out).toBe("");
    expect(result.err).not.toContain(TOKEN);
    expect(result.err).not.toContain("6717c29de5b1f00012ab34c0");
  });

  test("a token on the command line is refused", () => {
    const result = run(["--token", TOKEN, "--signature", sign(body)], {}, body);
    expect(result.code).toBe(2);
    expect(result.err).not.toContain(TOKEN);
  });
});
