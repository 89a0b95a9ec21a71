// The read side of the most used operations beyond Core Resources: tags, routing queues and queue
// rules, work items, knowledge-base articles, shortcuts. They serve the fixed records of
// sandbox/fixtures.ts, paged like every Kustomer list; the writes of these resources, and every
// other operation beyond Core, answer 501 naming the operation.
import type { Context, HandlerTable } from "../context.ts";
import { notFound } from "../errors.ts";
import { buildFixtures, type Fixture } from "../fixtures.ts";
import { paginate, readPage } from "../pagination.ts";

const FIXTURES = buildFixtures();

function list(context: Context, records: Fixture[]) {
  return { body: paginate(records, readPage(context.query), context.pathname, context.query) };
}

function byId(records: Fixture[], id: string, what: string) {
  const record = records.find((item) => item.id === id);
  if (!record) {
    throw notFound(`${what} ${id} not found`);
  }
  return { body: { data: record } };
}

function relatedId(record: Fixture, relation: string): string | undefined {
  const related = record.relationships[relation] as { data?: { id?: string } | null } | undefined;
  return related?.data?.id ?? undefined;
}

export const beyondCoreHandlers: HandlerTable = {
  GetTags: (context) => list(context, FIXTURES.tags),
  GetQueues: (context) => {
    const key = context.query.get("key");
    return list(
      context,
      key ? FIXTURES.queues.filter((queue) => queue.attributes.key === key) : FIXTURES.queues,
    );
  },
  GetQueueById: (context) => byId(FIXTURES.queues, context.params.id ?? "", "queue"),
  GetQueueRules: (context) => list(context, FIXTURES.queueRules),
  GetQueueRule: (context) => byId(FIXTURES.queueRules, context.params.id ?? "", "queue rule"),
  GetWorkItems: (context) => list(context, FIXTURES.workItems),
  GetWorkItemsByConversation: (context) =>
    list(
      context,
      FIXTURES.workItems.filter((item) => relatedId(item, "resource") === context.params.id),
    ),
  // The queued item of the queue with the highest priority, oldest first; 404 when none waits.
  GetNextWorkItemInQueue: (context) => {
    const queueId = context.params.id ?? "";
    byId(FIXTURES.queues, queueId, "queue");
    const next = FIXTURES.workItems
      .filter((item) => relatedId(item, "queue") === queueId && item.attributes.status === "queued")
      .sort(
        (a, b) =>
          Number(b.attributes.priority) - Number(a.attributes.priority) ||
          String(a.attributes.createdAt).localeCompare(String(b.attributes.createdAt)),
      )[0];
    if (!next) {
      throw notFound(`no work item is waiting in queue ${queueId}`);
    }
    return { body: { data: next } };
  },
  GetKbArticles: (context) => list(context, FIXTURES.kbArticles),
  GetKbArticleById: (context) =>
    byId(FIXTURES.kbArticles, context.params.id ?? "", "knowledge-base article"),
  GetShortcuts: (context) => list(context, FIXTURES.shortcuts),
  GetShortcutCategories: (context) => list(context, FIXTURES.shortcutCategories),
};
