// The operations the collection claims (tools/endpoints.json, kept in the project) all have their
// script and their test: every Core Resources operation, every full-schema Access management
// operation, the bulk-operation reads, and every operation of ../shared/kustomer/beyond-core/
// that a script can be made for. Each row says where its contract comes from, and the README's
// coverage table agrees with the rows.
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_OPERATIONS } from "../resources/operations.ts";
import { ADDED_OPERATIONS, CONTRACT_LABELS } from "../tools/beyond-core.ts";
import { COVERAGE_END, COVERAGE_START, coverageTable } from "../tools/coverage.ts";
import { BEYOND_CORE_TABLE, readBeyondCoreTable, SHARED_DIR } from "../tools/generate.ts";
import {
  ENDPOINTS,
  projectFileExists,
  readProjectFile,
  testFileFor,
  testWithShared,
} from "./helpers/project.ts";

const beyondCoreAvailable = existsSync(BEYOND_CORE_TABLE);
// One note rather than a skipped test: Bun repeats skipped tests at the end of the run.
if (!beyondCoreAvailable) {
  console.warn(`NOTE: beyond-core coverage checks skipped: ${BEYOND_CORE_TABLE} not found`);
}

/**
 * Rows of beyond-core/operations.tsv without a script here, each with the reason. Nothing else may
 * be missing.
 */
const NOT_CLAIMED_HERE: { [route: string]: string } = {
  "GET /v1/outbound-webhooks": "outbound webhooks: the events issue (scripts/outbound_webhooks)",
  "POST /v1/outbound-webhooks": "outbound webhooks: the events issue (scripts/outbound_webhooks)",
  "GET /v1/outbound-webhooks/events":
    "outbound webhooks: the events issue (scripts/outbound_webhooks)",
  "GET /v1/outbound-webhooks/transactions":
    "outbound webhooks: the events issue (scripts/outbound_webhooks)",
  "DELETE /v1/outbound-webhooks/{id}":
    "outbound webhooks: the events issue (scripts/outbound_webhooks)",
  "GET /v1/outbound-webhooks/{id}":
    "outbound webhooks: the events issue (scripts/outbound_webhooks)",
  "PUT /v1/kb/articles/{id}/ve…(path truncated in index excerpt)":
    "Update a Draft Version: the table's path is cut short and no source gives the rest",
};

const ACCESS_MANAGEMENT_FOLDERS = [
  "users",
  "teams",
  "role_groups",
  "auth_tokens_and_settings",
  "auth_roles",
];

function folderOf(file: string): string {
  return file.split("/")[1] ?? "";
}

describe("coverage", () => {
  test("every claimed operation has its script and its test", () => {
    const lacking = ENDPOINTS.flatMap((endpoint) => [
      ...(projectFileExists(endpoint.file) ? [] : [`${endpoint.operationId}: no ${endpoint.file}`]),
      ...(projectFileExists(testFileFor(endpoint.file))
        ? []
        : [`${endpoint.operationId}: no ${testFileFor(endpoint.file)}`]),
    ]);
    expect(lacking).toEqual([]);
  });

  test("all 133 Core Resources operations are claimed, with their method and path", () => {
    expect(CORE_OPERATIONS).toHaveLength(133);
    const claimed = new Set(ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`));
    const missing = CORE_OPERATIONS.filter(
      ([, method, path]) => !claimed.has(`${method} ${path}`),
    ).map(([operationId]) => operationId);
    expect(missing).toEqual([]);
  });

  test("the 33 Access management operations are claimed, in folders named after their resource", () => {
    const access = ENDPOINTS.filter((endpoint) =>
      ACCESS_MANAGEMENT_FOLDERS.includes(folderOf(endpoint.file)),
    );
    expect(access).toHaveLength(33);
    expect([...new Set(access.map((endpoint) => folderOf(endpoint.file)))].sort()).toEqual(
      [...ACCESS_MANAGEMENT_FOLDERS].sort(),
    );
  });

  test("the bulk-operation reads that bulk imports follow are claimed", () => {
    const routes = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(routes).toContain("GET /v1/bulk/{id}");
    expect(routes).toContain("GET /v1/bulk/{id}/batches");
  });

  testWithShared("every full-schema operation of the catalogue is claimed", () => {
    const catalogue: { method: string; path: string; detail: string }[] = JSON.parse(
      readFileSync(join(SHARED_DIR, "endpoints.json"), "utf8"),
    );
    const claimed = new Set(ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`));
    const missing = catalogue
      .filter((entry) => entry.detail === "full-schema")
      .map((entry) => `${entry.method} ${entry.path}`)
      .filter((route) => !claimed.has(route));
    expect(missing).toEqual([]);
  });

  (beyondCoreAvailable ? test : () => {})(
    "every row of beyond-core/operations.tsv is claimed, or listed with its reason",
    () => {
      const claimed = new Set(ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`));
      const rows = readBeyondCoreTable().map((row) => `${row.method} ${row.path}`);
      expect(rows.length).toBeGreaterThanOrEqual(116);
      const missing = rows.filter((route) => !claimed.has(route) && !NOT_CLAIMED_HERE[route]);
      expect(missing).toEqual([]);
      // The four Core reads the issue names, whatever their group in the table.
      for (const route of [
        "GET /v1/tags",
        "GET /v1/slas",
        "GET /v1/satisfaction-responses/{id}",
        "POST /v1/satisfaction",
      ]) {
        expect(claimed.has(route)).toBe(true);
      }
    },
  );

  test("every operation added from Kustomer's reference is claimed, with its page", () => {
    const claimed = new Map(
      ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint]),
    );
    for (const added of ADDED_OPERATIONS) {
      const endpoint = claimed.get(`${added.method} ${added.path}`);
      expect(endpoint?.operationId).toBe(added.operationId);
      expect(endpoint?.reference).toBe(added.reference);
    }
  });
});

describe("where each contract comes from", () => {
  test("every row names its group and one of the four sources, and its header says which", () => {
    const wrong = ENDPOINTS.filter(
      (endpoint) =>
        !(endpoint.source in CONTRACT_LABELS) ||
        endpoint.group === "" ||
        !readProjectFile(endpoint.file).includes(
          ` * Contract: ${CONTRACT_LABELS[endpoint.source]}`,
        ),
    ).map((endpoint) => endpoint.file);
    expect(wrong).toEqual([]);
  });

  test("Core Resources and Access management come from the OpenAPI, nothing else does", () => {
    const core = new Set(CORE_OPERATIONS.map(([operationId]) => operationId));
    for (const endpoint of ENDPOINTS) {
      if (core.has(endpoint.operationId) || endpoint.group === "Access management") {
        expect({ file: endpoint.file, source: endpoint.source }).toEqual({
          file: endpoint.file,
          source: "openapi",
        });
      } else {
        expect({ file: endpoint.file, openapi: endpoint.source === "openapi" }).toEqual({
          file: endpoint.file,
          openapi: false,
        });
      }
    }
  });

  test("a script whose body no source documents says so in its header", () => {
    const silent = ENDPOINTS.filter((endpoint) => {
      const source = readProjectFile(endpoint.file);
      const freeForm = /\bbody: \{ \[key: string\]: unknown \}/.test(source);
      return (
        endpoint.source !== "openapi" &&
        freeForm &&
        !source.includes("body: a free-form object (no source documents its fields)")
      );
    }).map((endpoint) => endpoint.file);
    expect(silent).toEqual([]);
  });

  (beyondCoreAvailable ? test : () => {})(
    "every response shape a row names is in ../shared/kustomer/beyond-core/schemas",
    () => {
      const lacking = ENDPOINTS.filter(
        (endpoint) =>
          endpoint.responseShape !== undefined &&
          !existsSync(join(SHARED_DIR, "beyond-core", "schemas", endpoint.responseShape)),
      ).map((endpoint) => endpoint.file);
      expect(lacking).toEqual([]);
    },
  );

  test("the README's coverage table is the one the endpoint table gives", () => {
    const readme = readProjectFile("README.md");
    const start = readme.indexOf(COVERAGE_START);
    const end = readme.indexOf(COVERAGE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + COVERAGE_START.length, end).trim()).toBe(coverageTable(ENDPOINTS));
  });
});
