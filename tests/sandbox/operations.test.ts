// The sandbox's operation table against the project's, and its handlers against the table: a
// handler filed under a misspelt operationId would never run (its route would answer 501).
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HANDLERS } from "../../sandbox/handlers/index.ts";
import { OPERATIONS } from "../../sandbox/operations.ts";
import { createRouter } from "../../sandbox/router.ts";

const PROJECT_ENDPOINTS = join(import.meta.dir, "..", "..", "tools", "endpoints.json");

describe("operation table", () => {
  test("every handler belongs to a known operation", () => {
    const known = new Set(OPERATIONS.map((operation) => operation.operationId));
    expect(Object.keys(HANDLERS).filter((operationId) => !known.has(operationId))).toEqual([]);
  });

  test("agrees with tools/endpoints.json on method and path", () => {
    const endpoints: { operationId: string; method: string; path: string }[] = existsSync(
      PROJECT_ENDPOINTS,
    )
      ? JSON.parse(readFileSync(PROJECT_ENDPOINTS, "utf8"))
      : [];
    const table = new Map(OPERATIONS.map((operation) => [operation.operationId, operation]));
    const disagreements = endpoints
      .filter((endpoint) => table.has(endpoint.operationId))
      .filter((endpoint) => {
        const operation = table.get(endpoint.operationId);
        return operation?.method !== endpoint.method || operation.path !== endpoint.path;
      })
      .map((endpoint) => `${endpoint.operationId} ${endpoint.method} ${endpoint.path}`);
    expect(disagreements).toEqual([]);
  });

  test("every operation is reachable at its own path", () => {
    const route = createRouter(OPERATIONS);
    const unreachable = OPERATIONS.filter((operation) => {
      const sample = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === "id"
          ? "0123456789abcdef01234567"
          : name === "ids"
            ? "0123456789abcdef01234567,0123456789abcdef01234568"
            : `sample-${name}`,
      );
      const match = route(operation.method, sample);
      return match.kind !== "operation" || match.operation.operationId !== operation.operationId;
    });
    expect(unreachable.map((operation) => `${operation.method} ${operation.path}`)).toEqual([]);
  });
});
