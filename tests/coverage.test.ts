// The operations the collection claims (tools/endpoints.json, kept in the project) all have their
// script and their test: every Core Resources operation, every full-schema Access management
// operation, and the bulk-operation reads.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_OPERATIONS } from "../resources/operations.ts";
import { SHARED_DIR, sharedAvailable } from "../tools/generate.ts";
import { ENDPOINTS, projectFileExists, testFileFor } from "./helpers/project.ts";

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

  test.skipIf(!sharedAvailable())(
    `every full-schema operation of the catalogue is claimed${sharedAvailable() ? "" : ` (skipped: ${SHARED_DIR} not found)`}`,
    () => {
      const catalogue: { method: string; path: string; detail: string }[] = JSON.parse(
        readFileSync(join(SHARED_DIR, "endpoints.json"), "utf8"),
      );
      const claimed = new Set(ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`));
      const missing = catalogue
        .filter((entry) => entry.detail === "full-schema")
        .map((entry) => `${entry.method} ${entry.path}`)
        .filter((route) => !claimed.has(route));
      expect(missing).toEqual([]);
    },
  );
});
