// Every list_all_* step (generated with its list by tools/generate.ts, one per row of
// tools/endpoints.json that has `listAll`) against a stubbed fetch serving three pages of the
// list it names: it asks for the first page at the row's largest page size (page=1&pageSize, or
// count for the cursor-paged audit log) on the list's own path, follows
// links.next to the last page, stops at maxRecords with `next`, goes on from `next` given as
// `from`, passes the list's filters through, and refuses a missing path parameter before sending.
// tests/<folder>/list_all_{customers,companies,conversations,kobjects}.test.ts also run theirs
// against the sandbox. (Users and teams, which the sandbox does not model, are covered here only.)
import { describe, expect, test } from "bun:test";
import { kustomerSignature } from "../../resources/kustomer.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { ENDPOINTS, listScripts, ROOT, readProjectFile } from "../helpers/project.ts";

type ListAllResult = {
  records: { id: string }[];
  complete: boolean;
  next: string | null;
  summary: { records: number; pages: number; stoppedBy?: string };
};
type ListAllMain = (...args: unknown[]) => Promise<ListAllResult>;

const LISTS = ENDPOINTS.filter((endpoint) => endpoint.listAll !== undefined);
const OPTIONS = ["maxRecords", "deadlineSeconds", "rateShare", "from"];

/**
 * Three pages of two records; links.next as Kustomer gives it: for a paged list, the path with page
 * and pageSize; for a cursor list (the audit log), the path with count and `before` the last id
 * (the OpenAPI's example: "/v1/audit-logs?count=1&before=62799c44a96e7f160834199c").
 */
function serveThreePages(paging: "page" | "cursor" = "page") {
  return stubFetch((request) => {
    const page = pageOf(request.query, paging);
    const next = new URLSearchParams(request.url.search);
    if (paging === "cursor") {
      next.set("before", `p${page}b`);
    } else {
      next.set("page", String(page + 1));
    }
    return jsonResponse(200, {
      data: [{ id: `p${page}a` }, { id: `p${page}b` }],
      links: { next: page < 3 ? `${request.path}?${next}` : null },
    });
  });
}

/** Which of the three pages a request asks for: its `page`, or the page after its `before` id. */
function pageOf(query: { [name: string]: string | undefined }, paging: "page" | "cursor"): number {
  if (paging === "cursor") {
    return query.before === undefined ? 1 : Number(/^p(\d)b$/.exec(query.before)?.[1]) + 1;
  }
  return Number(query.page ?? 1);
}

test("there is one list_all step per list of the endpoint table, and no other", () => {
  expect(LISTS.length).toBeGreaterThanOrEqual(60);
  expect(LISTS.map((endpoint) => endpoint.listAll?.file).sort()).toEqual(
    listScripts().filter((file) => /\/list_all_[a-z0-9_]+\.ts$/.test(file)),
  );
});

test("the page sizes are Kustomer's largest: 500 for users and teams, 1,000 for the audit log, else 100", () => {
  // developer.kustomer.com/docs/concepts/pagination; the audit log's count (api-facts §5.4).
  const sizes = Object.fromEntries(
    LISTS.map((endpoint) => [endpoint.operationId, endpoint.listAll?.maxPageSize]),
  );
  expect(sizes).toMatchObject({
    GetUsers: 500,
    GetTeams: 500,
    GetUsersTeams: 500,
    GetAuditLogs: 1000,
  });
  const others = LISTS.filter(
    (endpoint) =>
      !["GetUsers", "GetTeams", "GetUsersTeams", "GetAuditLogs"].includes(endpoint.operationId),
  );
  expect(new Set(others.map((endpoint) => endpoint.listAll?.maxPageSize))).toEqual(new Set([100]));
});

for (const endpoint of LISTS) {
  const listAll = endpoint.listAll as { file: string; maxPageSize: number; paging?: "cursor" };
  const paging = listAll.paging ?? "page";
  // The parameters a list pages with, which its read-everything step sets itself.
  const pagingNames = paging === "cursor" ? ["count", "after", "before"] : ["page", "pageSize"];
  const sizeName = paging === "cursor" ? "count" : "pageSize";
  describe(listAll.file, () => {
    const source = readProjectFile(listAll.file);
    const parameters = kustomerSignature(source);
    const listParameters = kustomerSignature(readProjectFile(endpoint.file)).filter(
      (parameter) => !pagingNames.includes(parameter.name),
    );
    const pathNames = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
    const load = async () =>
      (await import(`${ROOT}/${listAll.file}`)) as {
        main: ListAllMain;
        SOURCE: { operation: string; path: string; maxPageSize: number; paging?: string };
      };
    /** main's arguments: each path parameter given, the list's filters as `filters` says. */
    const argsFor = (options: { [name: string]: unknown }, filters: { [name: string]: unknown }) =>
      parameters.map((parameter) =>
        pathNames.includes(parameter.name)
          ? `v/${parameter.name}`
          : parameter.name in options
            ? options[parameter.name]
            : filters[parameter.name],
      );
    const expectedPath = pathNames.reduce(
      (path, name) => path.replace(`{${name}}`, encodeURIComponent(`v/${name}`)),
      endpoint.path,
    );

    test(`takes the list's parameters but ${pagingNames.join(", ")}, then the read-all options; runs on Bun`, async () => {
      expect(parameters.map((parameter) => parameter.name)).toEqual([
        ...listParameters.map((parameter) => parameter.name),
        ...OPTIONS,
      ]);
      expect(source.startsWith("/**\n * List all ")).toBe(true);
      expect(source).toContain(` * ${endpoint.method} ${endpoint.path}\n`);
      const { SOURCE } = await load();
      expect(SOURCE).toMatchObject({
        operation: endpoint.operationId,
        path: endpoint.path,
        maxPageSize: listAll.maxPageSize,
      });
      expect(SOURCE.paging ?? "page").toBe(paging);
    });

    test(`reads every page from the first at the largest ${sizeName}, following links.next`, async () => {
      const { main } = await load();
      const calls = serveThreePages(paging);
      const result = await main(TEST_AUTH, ...argsFor({}, {}).slice(1));
      expect(result.complete).toBe(true);
      expect(result.next).toBeNull();
      expect(result.records.map((record) => record.id)).toEqual([
        "p1a",
        "p1b",
        "p2a",
        "p2b",
        "p3a",
        "p3b",
      ]);
      expect(
        calls.map((call) => [call.method, call.url.pathname, pageOf(call.query, paging)]),
      ).toEqual([
        ["GET", expectedPath, 1],
        ["GET", expectedPath, 2],
        ["GET", expectedPath, 3],
      ]);
      // The first page asks for exactly the size and no cursor; the next ones are links.next as given.
      expect(Object.keys(calls[0]?.query ?? {}).sort()).toEqual(
        paging === "cursor" ? ["count"] : ["page", "pageSize"],
      );
      for (const call of calls) {
        expect(call.query[sizeName]).toBe(String(listAll.maxPageSize));
      }
    });

    test("stops at maxRecords with `next`, and goes on from it as `from`", async () => {
      const { main } = await load();
      const calls = serveThreePages(paging);
      const part = await main(TEST_AUTH, ...argsFor({ maxRecords: 3 }, {}).slice(1));
      expect(part.complete).toBe(false);
      expect(part.summary.stoppedBy).toBe("maxRecords");
      expect(part.records).toHaveLength(4);
      expect(part.next).toContain(paging === "cursor" ? "before=p2b" : "page=3");
      const rest = await main(TEST_AUTH, ...argsFor({ from: part.next }, {}).slice(1));
      expect(rest.complete).toBe(true);
      expect(rest.records.map((record) => record.id)).toEqual(["p3a", "p3b"]);
      expect(calls.map((call) => pageOf(call.query, paging))).toEqual([1, 2, 3]);
    });

    const filters = listParameters.filter(
      (parameter) => parameter.optional && !pathNames.includes(parameter.name),
    );
    if (filters.length > 0) {
      test("sends the list's filters with the first page", async () => {
        const { main } = await load();
        // A value each filter accepts: its first allowed value, a number or a boolean by type.
        const values: { [name: string]: unknown } = {};
        for (const filter of filters) {
          const type = filter.type ?? "";
          const literal = /"([^"]+)"/.exec(type)?.[1];
          values[filter.name] =
            literal ?? (type === "number" ? 2 : type === "boolean" ? true : `f-${filter.name}`);
        }
        const calls = serveThreePages(paging);
        await main(TEST_AUTH, ...argsFor({ maxRecords: 1 }, values).slice(1));
        const sent = calls[0]?.url.searchParams;
        const wireValues = [...(sent?.entries() ?? [])]
          .filter(([name]) => !pagingNames.includes(name))
          .map(([, value]) => value)
          .sort();
        expect(wireValues).toEqual(Object.values(values).map(String).sort());
      });
    }

    if (pathNames.length > 0) {
      test("refuses a missing path parameter before sending anything", async () => {
        const { main } = await load();
        const calls = serveThreePages(paging);
        const args = argsFor({}, {}).slice(1);
        args[parameters.findIndex((parameter) => parameter.name === pathNames[0]) - 1] = "";
        await expect(main(TEST_AUTH, ...args)).rejects.toThrow(`${pathNames[0]} is required`);
        expect(calls).toHaveLength(0);
      });
    }
  });
}
