// Every operation the collection covers (generated into resources/operations.ts): Kustomer's Core
// Resources from its official OpenAPI and operation table, then Access management, the bulk-status
// routes of the bulk guide (developer.kustomer.com/docs/guides/bulk-operations) and the operations
// beyond them (queues, routing, workflows, knowledge base, apps, settings, AI, chat). The sandbox
// routes with this table: a known operation it does not model answers 501 and names itself; a path
// matching nothing answers 404.

import { CORE_OPERATIONS, OTHER_OPERATIONS } from "../resources/operations.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Operation = {
  operationId: string;
  method: Method;
  /** Full path template, {param} for path parameters, as Kustomer documents it. */
  path: string;
  /** The success status Kustomer documents for the operation. */
  success: number;
};

// The outbound-webhook routes (Apps platform) are in OTHER_OPERATIONS with the rest, so the whole
// event loop runs locally (sandbox/webhooks.ts).
const TABLE = [...CORE_OPERATIONS, ...OTHER_OPERATIONS];

export const OPERATIONS: Operation[] = TABLE.map(([operationId, method, path, success]) => ({
  operationId,
  method,
  path,
  success,
}));
