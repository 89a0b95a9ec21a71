// POST /v1/customers/search for a useful subset of Kustomer search
// (developer.kustomer.com/docs/concepts/search): queryContext customer, conversation, message,
// company, note or kobject_<klass> (the klass must exist); criteria
// { "<context>_<attribute>": { <operator>: value } } (attribute in snake_case as in Kustomer's
// reference, customer_external_id, or camelCase; kobject_order_external_id by the same convention,
// which Kustomer does not document for KObjects) combined with and / or / not
// (nestable); operators equals, contains, in, gt, gte, lt, lte, exists; sort; page and
// pageSize up to 500; idsOnly; includeDeleted. Simplification: a date-only value (2024-05-01) is
// read as UTC midnight, whatever timeZone says.
//
// Like Kustomer's (Elasticsearch-backed) search, it pages through at most 100 pages of a query:
// page 101 answers 400, so a client that needs more narrows its query (by updatedAt) instead.
// A search sorted by updatedAt (then optionally id) with updatedAt bounds is answered from the
// store's (updatedAt, id) index, in (updatedAt, id) order, so exports of 100,000s of records stay
// fast; ties in updatedAt come back in id order.
import { type Context, type HandlerTable, isTrue, objectBody } from "../context.ts";
import { apiError, badParameter, badRequest } from "../errors.ts";
import { paginate, readPage } from "../pagination.ts";
import { visible } from "../records.ts";
import {
  COMPANIES,
  CONVERSATIONS,
  CUSTOMERS,
  type Kind,
  MESSAGES,
  NOTES,
  render,
} from "../resources.ts";
import type { Doc, Json, Store } from "../store.ts";
import { updatedAtKey } from "../updated-index.ts";
import { klassKind } from "./klasses.ts";

type Test = (doc: Doc) => boolean;

const CONTEXTS: { [context: string]: Kind } = {
  customer: CUSTOMERS,
  conversation: CONVERSATIONS,
  message: MESSAGES,
  company: COMPANIES,
  note: NOTES,
};

/** The deepest page Kustomer's search serves for one query. */
export const SEARCH_PAGE_CAP = 100;

/** List attributes whose entries are objects: searching "emails" means their email field. */
const ALIASES: { [field: string]: string[] } = {
  emails: ["emails", "email"],
  sharedEmails: ["sharedEmails", "email"],
  phones: ["phones", "phone"],
  sharedPhones: ["sharedPhones", "phone"],
  externalIds: ["externalIds", "externalId"],
};

const OPERATORS: { [name: string]: (values: unknown[], operand: unknown) => boolean } = {
  equals: (values, operand) => values.some((value) => same(value, operand)),
  contains: (values, operand) =>
    values.some(
      (value) =>
        typeof value === "string" && value.toLowerCase().includes(String(operand).toLowerCase()),
    ),
  in: (values, operand) =>
    Array.isArray(operand) && values.some((value) => operand.some((item) => same(value, item))),
  gt: (values, operand) => values.some((value) => compare(value, operand) > 0),
  gte: (values, operand) => values.some((value) => compare(value, operand) >= 0),
  lt: (values, operand) => values.some((value) => compare(value, operand) < 0),
  lte: (values, operand) => values.some((value) => compare(value, operand) <= 0),
  exists: (values, operand) => values.length > 0 === (operand !== false),
};

export const searchHandlers: HandlerTable = {
  CustomerSearch: (context) => {
    const body = objectBody(context);
    const queryContext = body.queryContext;
    if (typeof queryContext !== "string" || queryContext === "") {
      throw badRequest(
        "/queryContext is required: customer, conversation, message or company",
        "/queryContext",
      );
    }
    const kind = queryContext.startsWith("kobject_")
      ? klassKind(context.store, queryContext.slice("kobject_".length))
      : CONTEXTS[queryContext];
    if (!kind) {
      throw apiError(
        501,
        "not_implemented",
        `search with queryContext "${queryContext}" is not modelled by the sandbox; it supports ${Object.keys(CONTEXTS).join(", ")} and kobject_<klass>`,
      );
    }
    const page = readPage(context.query, { maxPageSize: 500, defaultPageSize: 100 });
    if (page.page > SEARCH_PAGE_CAP) {
      throw badParameter(
        "page",
        `search pages stop at page ${SEARCH_PAGE_CAP} (asked for page ${page.page}): narrow the query, e.g. by updatedAt, instead of paging further`,
      );
    }
    const test = compileGroup(body, queryContext, "");
    const includeDeleted = body.includeDeleted === true;
    const indexed = indexedSearch(
      context.store,
      kind,
      body,
      queryContext,
      test,
      includeDeleted,
      page,
    );
    if (indexed) {
      return searchReply(context, kind, indexed.docs, page, indexed.total);
    }
    const all =
      externalIdCandidates(context.store, kind, body, queryContext) ??
      context.store.list(kind.collection);
    const found = (includeDeleted ? all : visible(all)).filter(test);
    const sorted = sortDocs(found, body.sort, queryContext);
    const start = (page.page - 1) * page.pageSize;
    return searchReply(
      context,
      kind,
      sorted.slice(start, start + page.pageSize),
      page,
      sorted.length,
    );
  },
};

/**
 * A search sorted by updatedAt ascending (and optionally id ascending), answered by walking the
 * store's (updatedAt, id) index between the bounds the query's top-level `and` puts on updatedAt.
 * Returns undefined for any other query. The walk stops at the end of the page, so meta.total
 * counts the rest of the range as matching: exact when updatedAt is the only criterion (deleted
 * records aside), an estimate otherwise, as Elasticsearch's totals of large results are.
 */
function indexedSearch(
  store: Store,
  kind: Kind,
  body: Json,
  queryContext: string,
  test: Test,
  includeDeleted: boolean,
  page: { page: number; pageSize: number },
): { docs: Doc[]; total: number } | undefined {
  const keys = sortKeys(body.sort);
  const updated = [`${queryContext}_updated_at`, `${queryContext}_updatedAt`];
  const ids = [`${queryContext}_id`];
  const [first, second] = keys;
  if (
    !first ||
    !updated.includes(first[0]) ||
    first[1] !== "asc" ||
    (second && (!ids.includes(second[0]) || second[1] !== "asc")) ||
    keys.length > 2
  ) {
    return undefined;
  }
  const index = store.updatedAtIndex(kind.collection);
  let low = 0;
  let high = index.length;
  const criteria = Array.isArray(body.and) ? body.and : isObject(body.and) ? [body.and] : [];
  for (const criterion of criteria) {
    for (const name of updated) {
      const condition = isObject(criterion) ? criterion[name] : undefined;
      if (!isObject(condition)) {
        continue;
      }
      for (const [operator, operand] of Object.entries(condition)) {
        const key = updatedAtKey(operand);
        if (key === undefined) {
          continue;
        }
        if (operator === "gte" || operator === "equals") {
          low = Math.max(low, index.lowerBound(key));
        }
        if (operator === "gt") {
          low = Math.max(low, index.upperBound(key));
        }
        if (operator === "lt") {
          high = Math.min(high, index.lowerBound(key));
        }
        if (operator === "lte" || operator === "equals") {
          high = Math.min(high, index.upperBound(key));
        }
      }
    }
  }
  // The index bounds already apply criteria that are all on updatedAt: no need to test each record.
  const onlyBounds =
    body.or === undefined &&
    body.not === undefined &&
    criteria.every(
      (criterion) =>
        isObject(criterion) &&
        Object.keys(criterion).every((name) => updated.includes(name)) &&
        Object.entries(criterion).every(
          ([, condition]) =>
            isObject(condition) &&
            Object.entries(condition).every(
              ([operator, operand]) =>
                ["gt", "gte", "lt", "lte", "equals"].includes(operator) &&
                updatedAtKey(operand) !== undefined,
            ),
        ),
    );
  const skip = (page.page - 1) * page.pageSize;
  const docs: Doc[] = [];
  let matched = 0;
  let at = low;
  for (; at < high; at++) {
    const doc = store.get(kind.collection, index.id(at));
    if (
      !doc ||
      (!includeDeleted && doc.attributes.deleted === true) ||
      !(onlyBounds || test(doc))
    ) {
      continue;
    }
    matched++;
    if (matched > skip && docs.length < page.pageSize) {
      docs.push(doc);
    }
    if (matched >= skip + page.pageSize) {
      at++;
      break;
    }
  }
  return { docs, total: matched + (high - at) };
}

function sortKeys(sort: unknown): [string, unknown][] {
  return (Array.isArray(sort) ? sort : sort ? [sort] : []).flatMap((entry: unknown) =>
    entry !== null && typeof entry === "object" ? Object.entries(entry as Json) : [],
  );
}

/**
 * A search that must match an externalId (a top-level `and` criterion with equals or in) only
 * looks at the records the store's externalId index names, so that looking a chunk of an import up
 * stays fast in a store of 10,000s of records. Those candidates still go through every criterion.
 * The index matches exactly, where a full scan's equals ignores case.
 */
function externalIdCandidates(
  store: Store,
  kind: Kind,
  body: Json,
  queryContext: string,
): Doc[] | undefined {
  const criteria = Array.isArray(body.and) ? body.and : isObject(body.and) ? [body.and] : [];
  for (const criterion of criteria) {
    for (const field of [`${queryContext}_external_id`, `${queryContext}_externalId`]) {
      const condition = isObject(criterion) ? criterion[field] : undefined;
      if (!isObject(condition)) {
        continue;
      }
      const values = Array.isArray(condition.in)
        ? condition.in
        : condition.equals !== undefined
          ? [condition.equals]
          : undefined;
      if (values) {
        const ids = new Set<string>();
        return values
          .flatMap((value) =>
            typeof value === "string" ? store.findByExternalId(kind.collection, value) : [],
          )
          .filter((doc) => !ids.has(doc.id) && ids.add(doc.id));
      }
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** One page of results (`docs`), in the list envelope, with links up to the page cap. */
function searchReply(
  context: Context,
  kind: Kind,
  docs: Doc[],
  page: { page: number; pageSize: number },
  total: number,
) {
  // The envelope is built over a stand-in list of `total` entries, so the links and totals are
  // those of the whole result while only this page's records are rendered.
  const envelope = paginate(
    new Array<undefined>(Math.min(total, SEARCH_PAGE_CAP * page.pageSize)),
    page,
    context.pathname,
    context.query,
    true,
  );
  const idsOnly = isTrue(context.query, "idsOnly");
  const data = docs.map((doc) => (idsOnly ? { type: kind.type, id: doc.id } : render(kind, doc)));
  return {
    body: {
      ...envelope,
      meta: {
        ...envelope.meta,
        total,
        totalPages: Math.ceil(total / page.pageSize),
        aggregations: {},
      },
      data,
    },
  };
}

/** and / or / not of a node; every other key of a nested node is a criterion. */
function compileGroup(node: Json, queryContext: string, pointer: string, nested = false): Test {
  const tests: Test[] = [];
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${key}`;
    if (key === "and" || key === "or" || key === "not") {
      const parts = asList(value, at).map((item, index) =>
        compileNode(item, queryContext, `${at}/${index}`),
      );
      tests.push(combine(key, parts));
    } else if (nested) {
      tests.push(compileCriterion(key, value, queryContext, at));
    }
  }
  return (doc) => tests.every((test) => test(doc));
}

function compileNode(node: unknown, queryContext: string, pointer: string): Test {
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    throw badRequest(`${pointer} must be an object: a criterion or a nested and / or`, pointer);
  }
  return compileGroup(node as Json, queryContext, pointer, true);
}

function combine(operator: string, parts: Test[]): Test {
  if (operator === "and") {
    return (doc) => parts.every((part) => part(doc));
  }
  if (operator === "or") {
    return (doc) => parts.length === 0 || parts.some((part) => part(doc));
  }
  return (doc) => !parts.some((part) => part(doc));
}

function compileCriterion(
  field: string,
  condition: unknown,
  queryContext: string,
  pointer: string,
): Test {
  const prefix = `${queryContext}_`;
  if (!field.startsWith(prefix)) {
    throw badRequest(
      `${pointer}: "${field}" is not a ${queryContext} field; criteria look like ${prefix}name`,
      pointer,
    );
  }
  if (condition === null || typeof condition !== "object" || Array.isArray(condition)) {
    throw badRequest(`${pointer} must be an object such as { "equals": "value" }`, pointer);
  }
  const path = fieldPath(field.slice(prefix.length));
  const checks = Object.entries(condition as Json).map(([name, operand]) => {
    const operator = OPERATORS[name];
    if (!operator) {
      throw badRequest(
        `${pointer}/${name}: unknown operator; the sandbox supports ${Object.keys(OPERATORS).join(", ")}`,
        `${pointer}/${name}`,
      );
    }
    return (values: unknown[]) => operator(values, operand);
  });
  return (doc) => {
    const values = valuesAt(doc, path);
    return checks.every((check) => check(values));
  };
}

/**
 * Kustomer's reference writes attributes in snake_case (customer_updated_at, customer_external_id)
 * and custom ones as <context>_custom_<name>; the camelCase names the records carry work too.
 */
function fieldPath(attribute: string): string[] {
  if (attribute.startsWith("custom_")) {
    return ["custom", attribute.slice("custom_".length)];
  }
  const camel = attribute.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
  return ALIASES[camel] ?? camel.split(".");
}

/** Every value at a path; lists along the way are searched entry by entry. */
function valuesAt(doc: Doc, path: string[]): unknown[] {
  const [head, ...rest] = path;
  if (head === "id" && rest.length === 0) {
    return [doc.id];
  }
  if (head !== undefined && rest.length === 0 && doc.rel[head] !== undefined) {
    return [doc.rel[head]];
  }
  let current: unknown[] = [doc.attributes];
  for (const part of path) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) =>
        value !== null && typeof value === "object" ? (value as Json)[part] : undefined,
      );
  }
  return current
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter((value) => value !== undefined && value !== null);
}

function same(value: unknown, operand: unknown): boolean {
  if (typeof value === "string" && typeof operand === "string") {
    return value.toLowerCase() === operand.toLowerCase();
  }
  return value === operand;
}

/** Numbers compare as numbers, date strings as times, other strings alphabetically. */
function compare(value: unknown, operand: unknown): number {
  if (typeof value === "number" && typeof operand === "number") {
    return value - operand;
  }
  if (typeof value === "string" && typeof operand === "string") {
    const left = Date.parse(value);
    const right = Date.parse(operand);
    if (!Number.isNaN(left) && !Number.isNaN(right)) {
      return left - right;
    }
    return value.localeCompare(operand);
  }
  return Number.NaN;
}

function sortDocs(docs: Doc[], sort: unknown, queryContext: string): Doc[] {
  const keys = sortKeys(sort);
  if (keys.length === 0) {
    return docs;
  }
  const prefix = `${queryContext}_`;
  return [...docs].sort((a, b) => {
    for (const [field, direction] of keys) {
      const path = fieldPath(field.startsWith(prefix) ? field.slice(prefix.length) : field);
      const order = compare(valuesAt(a, path)[0], valuesAt(b, path)[0]);
      if (!Number.isNaN(order) && order !== 0) {
        return direction === "desc" ? -order : order;
      }
    }
    return 0;
  });
}

function asList(value: unknown, pointer: string): unknown[] {
  if (Array.isArray(value)) {
    return value;
  }
  if (value !== null && typeof value === "object") {
    return [value];
  }
  throw badRequest(`${pointer} must be a list of criteria`, pointer);
}
