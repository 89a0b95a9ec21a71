// Every Kustomer Core Resources operation (generated into resources/operations.ts from Kustomer's
// official OpenAPI and operation table), plus the two bulk-status routes of the bulk guide
// (developer.kustomer.com/docs/guides/bulk-operations). The sandbox routes with this table: a known
// operation it does not model answers 501 and names itself; a path matching nothing answers 404.

import { CORE_OPERATIONS } from "../resources/operations.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Operation = {
  operationId: string;
  method: Method;
  /** Full path template, {param} for path parameters, as Kustomer documents it. */
  path: string;
  /** The success status Kustomer documents for the operation. */
  success: number;
};

/** The two bulk-status routes of the bulk guide, which the Core Resources spec lacks. */
const BULK_STATUS_ROUTES: [string, Method, string, number][] = [
  ["GetBulkOperationById", "GET", "/v1/bulk/{id}", 200],
  ["GetBulkOperationBatches", "GET", "/v1/bulk/{id}/batches", 200],
];

/** Outbound webhooks (Apps platform), so the whole event loop runs locally (sandbox/webhooks.ts). */
const OUTBOUND_WEBHOOK_ROUTES: [string, Method, string, number][] = [
  ["CreateOutboundWebhook", "POST", "/v1/outbound-webhooks", 201],
  ["ListOutboundWebhooks", "GET", "/v1/outbound-webhooks", 200],
  ["ListSubscribableEvents", "GET", "/v1/outbound-webhooks/events", 200],
  ["ListOutboundWebhookTransactions", "GET", "/v1/outbound-webhooks/transactions", 200],
  ["GetOutboundWebhook", "GET", "/v1/outbound-webhooks/{id}", 200],
  ["DeleteOutboundWebhook", "DELETE", "/v1/outbound-webhooks/{id}", 204],
];

const TABLE = [...CORE_OPERATIONS, ...BULK_STATUS_ROUTES, ...OUTBOUND_WEBHOOK_ROUTES];

export const OPERATIONS: Operation[] = TABLE.map(([operationId, method, path, success]) => ({
  operationId,
  method,
  path,
  success,
}));
