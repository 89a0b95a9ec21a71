// Shared list plumbing for handlers: one page of records in the JSON:API list envelope.
import type { Context } from "../context.ts";
import { badParameter } from "../errors.ts";
import { paginate, readPage } from "../pagination.ts";
import { type Kind, render } from "../resources.ts";
import type { Doc } from "../store.ts";

export function listReply(context: Context, kind: Kind, docs: Doc[], withTotals = false) {
  const page = paginate(docs, readPage(context.query), context.pathname, context.query, withTotals);
  return { body: { ...page, data: page.data.map((doc) => render(kind, doc)) } };
}

/** ?fromDate=<ISO date-time>: only records updated at or after it. */
export function updatedSince(context: Context, docs: Doc[]): Doc[] {
  const raw = context.query.get("fromDate");
  if (raw === null || raw === "") {
    return docs;
  }
  const from = Date.parse(raw);
  if (Number.isNaN(from)) {
    throw badParameter("fromDate", `fromDate must be an ISO-8601 date-time (got "${raw}")`);
  }
  return docs.filter((doc) => Date.parse(String(doc.attributes.updatedAt)) >= from);
}

export function relatedTo(docs: Doc[], relation: string, id: string): Doc[] {
  return docs.filter((doc) => doc.rel[relation] === id);
}
