// Read-only records for the reads beyond Core Resources the sandbox models: tags, routing queues,
// queue rules, work items, knowledge-base articles, shortcuts and their categories. They are built
// here, in code, in the shape Kustomer returns them (the JSON:API item shapes that the public
// Kustomer taps recorded from live data, in ../shared/kustomer/beyond-core/schemas/; tests check
// every fixture against them when that folder is present). They are fixed: the sandbox serves
// these reads, not their writes, which answer 501 like every other operation it does not model.
import { ORG_ID } from "./resources.ts";

type Json = { [field: string]: unknown };

export type Fixture = {
  type: string;
  id: string;
  attributes: Json;
  relationships: Json;
  links: { self: string };
};

/** The sandbox's admin user, who created every fixture. */
export const FIXTURE_USER_ID = "5a1b2c3d4e5f60718293a4c1";

/** Conversations the fixture work items route (they are not in the store: routing's view only). */
export const ROUTED_CONVERSATION_IDS = ["5a1b2c3d4e5f60718293c001", "5a1b2c3d4e5f60718293c002"];

const CREATED = "2024-03-04T09:00:00.000Z";
const MODIFIED = "2024-05-06T15:30:00.000Z";

function link(type: string, id: string, base: string): Json {
  return { data: { type, id }, links: { self: `${base}/${id}` } };
}

const ORG = link("org", ORG_ID, "/v1/orgs");
const BY_USER = link("user", FIXTURE_USER_ID, "/v1/users");

function hexId(prefix: string, index: number): string {
  return `${prefix}${String(index).padStart(24 - prefix.length, "0")}`;
}

function fixture(
  type: string,
  id: string,
  base: string,
  attributes: Json,
  relationships: Json,
): Fixture {
  return { type, id, attributes, relationships, links: { self: `${base}/${id}` } };
}

function tags(): Fixture[] {
  const names: [string, string][] = [
    ["vip", "#f5a623"],
    ["billing", "#4a90e2"],
    ["refund", "#d0021b"],
    ["shipping", "#7ed321"],
  ];
  return names.map(([name, color], index) =>
    fixture(
      "tag",
      hexId("5a1b2c3d4e5f6071829301", index + 1),
      "/v1/tags",
      {
        name,
        color,
        deleted: false,
        createdAt: CREATED,
        modifiedAt: MODIFIED,
        updatedAt: MODIFIED,
      },
      { org: ORG, createdBy: BY_USER, modifiedBy: BY_USER },
    ),
  );
}

/** Two queues: the default one (system, priority 1) and a VIP queue. */
function queues(): Fixture[] {
  const rows: [string, string, number, boolean, string][] = [
    ["default", "Default Queue", 1, true, "Conversations that match no queue rule"],
    ["vip", "VIP Support", 5, false, "Customers tagged vip"],
  ];
  return rows.map(([name, displayName, priority, system, description], index) =>
    fixture(
      "queue",
      QUEUE_IDS[index] ?? "",
      "/v1/routing/queues",
      {
        name,
        // What Kustomer's routing guide looks queues up by (GET /v1/routing/queues?key=).
        key: name,
        displayName,
        priority,
        itemSize: 1,
        system,
        description,
        createdAt: Date.parse(CREATED),
        restrictTransfersByUsers: false,
        updatedAt: MODIFIED,
        modifiedAt: MODIFIED,
      },
      { org: ORG, createdBy: BY_USER },
    ),
  );
}

const QUEUE_IDS = ["5a1b2c3d4e5f60718293b001", "5a1b2c3d4e5f60718293b002"];

function queueRules(): Fixture[] {
  return [
    fixture(
      "queue_rule",
      "5a1b2c3d4e5f60718293b101",
      "/v1/routing/queue-rules",
      {
        name: "VIP customers",
        criteria: {
          or: [],
          and: [{ field: "customer.tags", operator: "contains", value: "vip" }],
        },
        enabled: true,
        description: "Customers tagged vip go to VIP Support",
        createdAt: CREATED,
        modifiedAt: MODIFIED,
        updatedAt: MODIFIED,
      },
      {
        org: ORG,
        queue: link("queue", QUEUE_IDS[1] ?? "", "/v1/routing/queues"),
        modifiedBy: BY_USER,
      },
    ),
  ];
}

/** One queued and one assigned work item, each routing one of ROUTED_CONVERSATION_IDS. */
function workItems(): Fixture[] {
  const rows: [string, string, number, boolean][] = [
    ["queued", ROUTED_CONVERSATION_IDS[0] ?? "", 5, false],
    ["assigned", ROUTED_CONVERSATION_IDS[1] ?? "", 1, true],
  ];
  return rows.map(([status, conversationId, priority, assigned], index) => {
    const id = hexId("5a1b2c3d4e5f60718293d", index + 1);
    const queueId = QUEUE_IDS[priority === 5 ? 1 : 0] ?? "";
    const revisionId = hexId("5a1b2c3d4e5f60718293e", index + 1);
    return fixture(
      "work_item",
      id,
      "/v1/routing/work-items",
      {
        resourceType: "conversation",
        status,
        paused: false,
        channel: "email",
        queuedCount: 1,
        priority,
        itemSize: 1,
        createdAt: CREATED,
        updatedAt: MODIFIED,
        modifiedAt: MODIFIED,
        resourceCreatedAt: CREATED,
        rev: index + 2,
        workItemNumber: index + 1,
        firstEnterQueueAt: CREATED,
        lastRevision: assigned ? { enteredQueueAt: CREATED, acceptedAt: MODIFIED } : {},
        resourceDirection: "in",
      },
      {
        org: ORG,
        resource: { data: { type: "conversation", id: conversationId } },
        lastRevision: { data: { type: "work_item_revision", id: revisionId } },
        queue: link("queue", queueId, "/v1/routing/queues"),
        ...(assigned ? { assignedTo: BY_USER, acceptedBy: BY_USER } : {}),
      },
    );
  });
}

const KNOWLEDGE_BASE_ID = "5a1b2c3d4e5f60718293f001";
const CATEGORY_ID = "5a1b2c3d4e5f60718293f101";

/** A published article and a draft, both in en_us. */
function kbArticles(): Fixture[] {
  const rows: [string, string, boolean][] = [
    ["How to return an item", "published", true],
    ["Shipping to Canada", "draft", false],
  ];
  return rows.map(([title, status, published], index) => {
    const id = hexId("5a1b2c3d4e5f60718293f2", index + 1);
    const versionId = hexId("5a1b2c3d4e5f60718293f3", index + 1);
    const version = { data: { type: "kb_article_version", id: versionId } };
    return fixture(
      "kb_article",
      id,
      "/v1/kb/articles",
      {
        hash: `a${index + 1}b2c3`,
        title,
        source: "en_us",
        status,
        scope: "external",
        createdAt: CREATED,
        updatedAt: MODIFIED,
        modifiedAt: MODIFIED,
        publishedAt: published ? MODIFIED : null,
        deleted: false,
        deletedAt: null,
        tags: [],
        categories: [CATEGORY_ID],
        knowledgeBases: [{ id: KNOWLEDGE_BASE_ID, featured: false }],
        metaTitle: title,
        metaDescription: `${title}, step by step.`,
        metaKeywords: [],
        latestLangs: { en_us: { status, outdated: false } },
      },
      {
        org: ORG,
        createdBy: BY_USER,
        modifiedBy: BY_USER,
        publishedBy: published ? BY_USER : { data: null, links: { self: null } },
        deletedBy: { data: null, links: { self: null } },
        published_en_us: published ? version : { data: null },
        unpublished_en_us: published ? { data: null } : version,
        categories: { data: [{ type: "kb_category", id: CATEGORY_ID }] },
        accessUsers: [],
        accessTeams: [],
      },
    );
  });
}

function shortcuts(): Fixture[] {
  const rows: [string, string][] = [
    ["Return label", "Here is your return label: print it and drop the parcel off."],
    ["Shipping times", "Orders ship within two business days."],
  ];
  return rows.map(([name, text], index) =>
    fixture(
      "shortcut",
      hexId("5a1b2c3d4e5f6071829305", index + 1),
      "/v1/shortcuts",
      { name, draft: { text }, createdAt: CREATED, modifiedAt: MODIFIED, updatedAt: MODIFIED },
      { org: ORG, createdBy: BY_USER, modifiedBy: BY_USER },
    ),
  );
}

function shortcutCategories(): Fixture[] {
  return [
    fixture(
      "shortcut_category",
      "5a1b2c3d4e5f607182930601",
      "/v1/shortcuts/categories",
      { name: "Returns", createdAt: CREATED, modifiedAt: MODIFIED, updatedAt: MODIFIED },
      { org: ORG, createdBy: BY_USER, modifiedBy: BY_USER },
    ),
  ];
}

/** Every fixture collection, built once per call (callers may keep them: they are never changed). */
export function buildFixtures() {
  return {
    tags: tags(),
    queues: queues(),
    queueRules: queueRules(),
    workItems: workItems(),
    kbArticles: kbArticles(),
    shortcuts: shortcuts(),
    shortcutCategories: shortcutCategories(),
    knowledgeBaseId: KNOWLEDGE_BASE_ID,
  };
}

export type Fixtures = ReturnType<typeof buildFixtures>;
