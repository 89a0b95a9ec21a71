// Page-numbered lists as Kustomer serves them: ?page (from 1) & pageSize, meta { page, pageSize },
// links { self, first, prev, next, last } as relative paths, next null on the last page
// (developer.kustomer.com/docs/concepts/pagination).
import { badParameter } from "./errors.ts";

export type PageRequest = { page: number; pageSize: number };

export type ListEnvelope<T> = {
  data: T[];
  meta: { page: number; pageSize: number; total?: number; totalPages?: number };
  links: { self: string; first: string; prev: string | null; next: string | null; last: string };
};

export function readPage(
  query: URLSearchParams,
  limits: { maxPageSize: number; defaultPageSize: number } = {
    maxPageSize: 100,
    defaultPageSize: 100,
  },
): PageRequest {
  return {
    page: readPositiveInteger(query, "page", 1, Number.MAX_SAFE_INTEGER),
    pageSize: readPositiveInteger(query, "pageSize", limits.defaultPageSize, limits.maxPageSize),
  };
}

function readPositiveInteger(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === "") {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badParameter(name, `${name} must be a whole number from 1 to ${max} (got "${raw}")`);
  }
  return value;
}

/**
 * One page of `items`. `pathname` and `query` are the request's own, so the links repeat any
 * filter the client sent. `withTotals` adds meta.total and meta.totalPages, which Kustomer only
 * reports on some lists (customers, search).
 */
export function paginate<T>(
  items: readonly T[],
  page: PageRequest,
  pathname: string,
  query: URLSearchParams,
  withTotals = false,
): ListEnvelope<T> {
  const start = (page.page - 1) * page.pageSize;
  const lastPage = Math.max(1, Math.ceil(items.length / page.pageSize));
  const link = (pageNumber: number) => pageLink(pathname, query, pageNumber, page.pageSize);
  const meta: ListEnvelope<T>["meta"] = { page: page.page, pageSize: page.pageSize };
  if (withTotals) {
    meta.total = items.length;
    meta.totalPages = lastPage;
  }
  return {
    data: items.slice(start, start + page.pageSize),
    meta,
    links: {
      self: link(page.page),
      first: link(1),
      prev: page.page > 1 ? link(Math.min(page.page - 1, lastPage)) : null,
      next: page.page < lastPage ? link(page.page + 1) : null,
      last: link(lastPage),
    },
  };
}

function pageLink(
  pathname: string,
  query: URLSearchParams,
  page: number,
  pageSize: number,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of query) {
    if (name !== "page" && name !== "pageSize") {
      params.append(name, value);
    }
  }
  params.set("page", String(page));
  params.set("pageSize", String(pageSize));
  return `${pathname}?${params.toString()}`;
}
