// The reads beyond Core Resources that the sandbox models (tags, queues and queue rules, work
// items, knowledge-base articles, shortcuts), driven through the scripts' main() over real HTTP on
// 127.0.0.1; the operations it does not model answer 501 naming themselves, /v2.1 and /p/v3 routes
// included. The fixtures are checked against the response shapes of
// ../shared/kustomer/beyond-core/schemas/ when that folder is present.
import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { buildFixtures, type Fixture, ROUTED_CONVERSATION_IDS } from "../../sandbox/fixtures.ts";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { SHARED_DIR } from "../../tools/generate.ts";
import { ROOT } from "../helpers/project.ts";

type ApiRecord = { type: string; id: string; attributes: { [field: string]: unknown } };
type ListDocument = {
  data: ApiRecord[];
  meta: { page: number; pageSize: number };
  links: { next: string | null };
};
type Main = (...args: unknown[]) => Promise<unknown>;

let sandbox: Sandbox;
let auth: { apiKey: string; baseUrl: string };

beforeAll(() => {
  sandbox = startSandbox({ port: 0 });
  auth = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(() => {
  mock.restore(); // the real fetch: these tests talk to the sandbox
});

async function run(script: string, ...args: unknown[]): Promise<unknown> {
  const module: { main: Main } = await import(join(ROOT, "scripts", `${script}.ts`));
  return await module.main(auth, ...args);
}

async function list(script: string, ...args: unknown[]): Promise<ListDocument> {
  return (await run(script, ...args)) as ListDocument;
}

describe("reads beyond Core against the sandbox", () => {
  test("tags page like every Kustomer list", async () => {
    const first = await list("tags/get_tags", 1, 3);
    expect(first.data.map((tag) => tag.attributes.name)).toEqual(["vip", "billing", "refund"]);
    expect(first.meta).toEqual({ page: 1, pageSize: 3 });
    expect(first.links.next).toBe("/v1/tags?page=2&pageSize=3");
    const second = await list("tags/get_tags", 2, 3);
    expect(second.data.map((tag) => tag.attributes.name)).toEqual(["shipping"]);
    expect(second.links.next).toBeNull();
  });

  test("queues, and a queue rule by id pointing at its queue", async () => {
    const queues = await list("queues/get_queues");
    expect(queues.data.map((queue) => queue.attributes.displayName)).toEqual([
      "Default Queue",
      "VIP Support",
    ]);
    const byKey = await list("queues/get_queues", undefined, undefined, "vip");
    expect(byKey.data.map((queue) => queue.attributes.displayName)).toEqual(["VIP Support"]);
    const vip = (await run("queues/get_queue_by_id", queues.data[1]?.id)) as { data: ApiRecord };
    expect(vip.data).toEqual(queues.data[1] as ApiRecord);
    await expect(run("queues/get_queue_by_id", "5a1b2c3d4e5f60718293ffff")).rejects.toMatchObject({
      status: 404,
    });
    const rules = await list("queues/get_queue_rules");
    const rule = (await run("queues/get_queue_rule", rules.data[0]?.id)) as {
      data: { relationships: { queue: { data: { id: string } } } };
    };
    expect(rule.data.relationships.queue.data.id).toBe(String(queues.data[1]?.id));
    await expect(run("queues/get_queue_rule", "5a1b2c3d4e5f60718293ffff")).rejects.toMatchObject({
      status: 404,
    });
  });

  test("work items: all, by conversation, and the next one waiting in a queue", async () => {
    const all = await list("routing/get_work_items");
    expect(all.data.map((item) => item.attributes.status)).toEqual(["queued", "assigned"]);
    const routed = await list("routing/get_work_items_by_conversation", ROUTED_CONVERSATION_IDS[1]);
    expect(routed.data.map((item) => item.id)).toEqual([String(all.data[1]?.id)]);
    const none = await list("routing/get_work_items_by_conversation", "5a1b2c3d4e5f60718293ffff");
    expect(none.data).toEqual([]);
    const queues = await list("queues/get_queues");
    const next = (await run("routing/get_next_work_item_in_queue", queues.data[1]?.id)) as {
      data: ApiRecord;
    };
    expect(next.data.id).toBe(String(all.data[0]?.id));
    // The default queue holds only an assigned item: nothing waits there.
    await expect(
      run("routing/get_next_work_item_in_queue", queues.data[0]?.id),
    ).rejects.toMatchObject({ status: 404 });
  });

  test("knowledge-base articles, listed and by id", async () => {
    const articles = await list("knowledge_base/get_kb_articles");
    expect(articles.data.map((article) => article.attributes.status)).toEqual([
      "published",
      "draft",
    ]);
    const one = (await run("knowledge_base/get_kb_article_by_id", articles.data[1]?.id)) as {
      data: ApiRecord;
    };
    expect(one.data.attributes.title).toBe("Shipping to Canada");
  });

  test("shortcuts and their categories", async () => {
    const shortcuts = await list("settings/get_shortcuts");
    expect(shortcuts.data.map((shortcut) => shortcut.attributes.name)).toEqual([
      "Return label",
      "Shipping times",
    ]);
    const categories = await list("settings/get_shortcut_categories");
    expect(categories.data.map((category) => category.attributes.name)).toEqual(["Returns"]);
  });

  // A 501 is a 5xx: the scripts retry a GET twice with backoff before giving up, hence the time.
  test("an operation it does not model answers 501 naming it, on every versioned route", async () => {
    for (const [script, args, operation] of [
      ["queues/create_queue_rule", [{ name: "Billing" }], "POST /v1/routing/queue-rules"],
      ["chat/list_chat_sessions", ["5a1b2c3d4e5f60718293c001"], "GET /v2.1/chat/sessions"],
      ["knowledge_base/get_published_articles", [], "GET /p/v3/kb/articles"],
      ["knowledge_base/get_kb_tags", [], "GET /v3/kb/tags"],
      ["conversations/get_conversation_times_v2", ["5a1b2c3d4e5f60718293c001"], "GET /v2/"],
      [
        "knowledge_base/create_knowledge_base",
        [{ subdomain: "acme-help" }],
        "POST /v1/kb/knowledge-bases",
      ],
      ["apps/get_form_hook_by_id", ["5a1b2c3d4e5f60718293c003"], "GET /v1/hooks/form/"],
      [
        "routing/update_work_session_by_id",
        ["5a1b2c3d4e5f60718293c004", { status: "5a1b2c3d4e5f60718293c005" }],
        "PUT /v1/routing/work-sessions/",
      ],
      [
        "companies/create_company_hierarchy_edge",
        [{ sourceId: "5a1b2c3d4e5f60718293c001", targetId: "5a1b2c3d4e5f60718293c002" }],
        "POST /v1/kedge",
      ],
    ] as const) {
      const failure = await run(script, ...args).catch((error: unknown) => error);
      expect({ script, failure }).toMatchObject({ script, failure: { status: 501 } });
      expect(String((failure as Error).message)).toContain(operation);
    }
  }, 30_000);
});

const SCHEMAS = join(SHARED_DIR, "beyond-core", "schemas");
const shapesAvailable = existsSync(SCHEMAS);
// Without the shapes (a user's clone has no ../shared): one note, and the checks not registered.
// Skipped tests would each be printed twice, once as they run and again in Bun's summary.
if (!shapesAvailable) {
  console.warn(`NOTE: sandbox fixture shape checks skipped: ${SCHEMAS} not found`);
}
const describeShapes = shapesAvailable ? describe : (_name: string, _checks: () => void) => {};

describeShapes("the sandbox's fixtures against Kustomer's response shapes", () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const shape = (file: string) =>
    ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), "utf8")));
  const fixtures = buildFixtures();
  const cases: [string, Fixture[], string][] = [
    ["queues", fixtures.queues, "meltanolabs-tap-kustomer/queues_and_routing__routing_queues.json"],
    [
      "queue rules",
      fixtures.queueRules,
      "meltanolabs-tap-kustomer/queues_and_routing__routing_queue_rules.json",
    ],
    [
      "work items",
      fixtures.workItems,
      "meltanolabs-tap-kustomer/queues_and_routing__routing_work_items.json",
    ],
    [
      "knowledge-base articles",
      fixtures.kbArticles,
      "meltanolabs-tap-kustomer/knowledge_base__kb_articles.json",
    ],
    [
      "shortcuts",
      fixtures.shortcuts,
      "meltanolabs-tap-kustomer/settings_and_configurations__shortcuts.json",
    ],
    [
      "shortcut categories",
      fixtures.shortcutCategories,
      "meltanolabs-tap-kustomer/settings_and_configurations__shortcuts_categories.json",
    ],
  ];
  for (const [what, records, file] of cases) {
    test(`${what} match ${file}`, () => {
      const validate = shape(file);
      // (the id is read first: a failed check narrows the record to nothing in TypeScript's eyes)
      const problems = records.flatMap((record) => {
        const { id } = record;
        return validate(record) ? [] : [`${id}: ${ajv.errorsText(validate.errors)}`];
      });
      expect(problems).toEqual([]);
    });
  }

  test("tags match singer-io-tap-kustomer/tags.json (the tap's flattened, snake_case record)", () => {
    // The singer tap flattens each JSON:API record: attributes in snake_case beside id, type and
    // links, relationships as { id, type }. Its schema allows no other field.
    const validate = shape("singer-io-tap-kustomer/tags.json");
    const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    const problems = fixtures.tags.flatMap((tag) => {
      const flat: { [field: string]: unknown } = { id: tag.id, type: tag.type, links: tag.links };
      for (const [name, value] of Object.entries(tag.attributes)) {
        flat[snake(name)] = value;
      }
      for (const [name, value] of Object.entries(tag.relationships)) {
        flat[snake(name)] = (value as { data: unknown }).data;
      }
      return validate(flat) ? [] : [`${tag.id}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(problems).toEqual([]);
  });
});
