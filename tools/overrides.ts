// Corrections to Kustomer's OpenAPI, each with the reason. The generator applies them before it
// writes a body type or a local validation schema, so the scripts accept what the API accepts.

import type { CatalogueEntry, OpenApiSchema } from "./generate.ts";

export function adjustBodySchema(operationId: string, schema: OpenApiSchema): OpenApiSchema {
  const adjusted = openEmptyClosedObjects(
    closeShapes(markCustomAttributes(structuredClone(schema))),
  );
  if (operationId === "CreateAttachment") {
    return attachmentFields(adjusted);
  }
  if (operationId === "CreateOutboundWebhook") {
    return outboundWebhookEvents(adjusted);
  }
  if (adjusted.type === "array" && adjusted.maxItems === 100) {
    return adjustBulkBody(operationId, adjusted);
  }
  return adjusted;
}

/**
 * The spec declares `custom` as an object with no properties and additionalProperties: false,
 * which would forbid every custom attribute. Kustomer's docs define them by name suffix instead
 * (https://developer.kustomer.com/docs/concepts/custom-attributes), which the local check applies.
 */
function markCustomAttributes(schema: OpenApiSchema): OpenApiSchema {
  for (const [field, value] of Object.entries(schema.properties ?? {})) {
    if (field === "custom" && value.type === "object" && !value.properties) {
      schema.properties = {
        ...schema.properties,
        custom: { ...value, additionalProperties: undefined, "x-custom-attributes": true },
      };
    } else {
      markCustomAttributes(value);
    }
  }
  if (schema.items) {
    markCustomAttributes(schema.items);
  }
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    markCustomAttributes(variant);
  }
  return schema;
}

/**
 * Other free-form fields have the same flaw as `custom`: `meta` on tracking events is declared
 * as an object of at most 100 entries with no properties and additionalProperties: false, which
 * would refuse every entry. An object that names no field and forbids all others is read as
 * free-form (its maxProperties stays).
 */
function openEmptyClosedObjects(schema: OpenApiSchema): OpenApiSchema {
  if (
    schema.type === "object" &&
    !schema.properties &&
    !schema.anyOf &&
    !schema.oneOf &&
    schema.additionalProperties === false &&
    !schema["x-custom-attributes"]
  ) {
    schema.additionalProperties = undefined;
  }
  for (const value of Object.values(schema.properties ?? {})) {
    openEmptyClosedObjects(value);
  }
  for (const part of [
    ...(schema.items ? [schema.items] : []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
  ]) {
    openEmptyClosedObjects(part);
  }
  return schema;
}

/**
 * POST /v1/messages/{id}/redact declares a body that is one of three shapes ({ preview },
 * { attachments }, { meta }) with additionalProperties: false beside them and no properties of its
 * own, which read literally forbids every field. The intent is that each shape holds only its
 * field: the rule moves into each shape, which then requires its field.
 */
function closeShapes(schema: OpenApiSchema): OpenApiSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && !schema.properties && schema.additionalProperties === false) {
    const closed = variants.map((variant) => ({
      ...variant,
      additionalProperties: false,
      required: variant.required ?? Object.keys(variant.properties ?? {}),
    }));
    return { ...schema, additionalProperties: undefined, anyOf: closed, oneOf: undefined };
  }
  return schema;
}

/**
 * POST /v1/attachments lists a field named "" where Kustomer's attachment guide describes
 * externalUrl (an HTTPS file you host, registered without an upload) and renderMode
 * (default or metadata_only); see api-facts §8 and developer.kustomer.com/docs/concepts/attachments.
 */
function attachmentFields(schema: OpenApiSchema): OpenApiSchema {
  const { "": _unnamed, ...properties } = schema.properties ?? {};
  return {
    ...schema,
    properties: {
      ...properties,
      externalUrl: {
        type: "string",
        pattern: "^https://",
        description: "An HTTPS address of a file you host: registered without an upload.",
      },
      renderMode: { type: "string", enum: ["default", "metadata_only"] },
    },
  };
}

/**
 * The event names an outbound webhook can subscribe to: create and update of six resources
 * (https://developer.kustomer.com/docs/events/event-catalog, "Outbound webhooks can subscribe to
 * 12 events"). The derived request schema only describes them in prose; the form offers them as a
 * choice and the check refuses a misspelt name before Kustomer does.
 */
export const OUTBOUND_WEBHOOK_EVENTS = [
  "customer",
  "conversation",
  "message",
  "user",
  "team",
  "tag",
].flatMap((resource) => [`kustomer.${resource}.create`, `kustomer.${resource}.update`]);

function outboundWebhookEvents(schema: OpenApiSchema): OpenApiSchema {
  const events = schema.properties?.events ?? {};
  return {
    ...schema,
    properties: {
      ...schema.properties,
      // Kustomer takes https only. Plain http is let through to 127.0.0.1 alone, for a receiver on
      // this machine behind the local sandbox (README "Try the whole loop locally"); Kustomer
      // itself still refuses it.
      url: {
        type: "string",
        pattern: "^(https://|http://127\\.0\\.0\\.1[:/])",
        description: "Your endpoint: https://… (http://127.0.0.1 only for the local sandbox).",
      },
      events: {
        ...events,
        minItems: 1,
        items: { type: "string", enum: OUTBOUND_WEBHOOK_EVENTS },
      },
      headers: {
        ...schema.properties?.headers,
        description: "Extra headers Kustomer sends with every delivery.",
      },
    },
  };
}

/**
 * Request bodies the spec gives only as an example. PUT /v1/spam/senders shows
 * { channel, sender, list: "whitelist" }; its description names the two lists, and its response
 * requires all three attributes.
 */
export const MISSING_BODY_SCHEMAS: { [operationId: string]: OpenApiSchema } = {
  UpsertSpamSender: {
    type: "object",
    required: ["channel", "sender", "list"],
    properties: {
      channel: { type: "string", description: "The channel the sender writes on, e.g. email." },
      sender: { type: "string", description: "The sender's address, e.g. allow@me.com." },
      list: {
        type: "string",
        enum: ["whitelist", "blacklist"],
        description: "whitelist: never spam; blacklist: always spam.",
      },
    },
  },
};

/**
 * Bulk bodies: an empty array is a mistake worth catching before the call, and each item may carry
 * `_clientRef`, which Kustomer echoes in /v1/bulk/{id}/batches to match results to your rows
 * (https://developer.kustomer.com/docs/guides/bulk-operations) though the spec omits it.
 */
function adjustBulkBody(_operationId: string, schema: OpenApiSchema): OpenApiSchema {
  const withClientRef = (item: OpenApiSchema): OpenApiSchema => {
    // Items that may take one of several shapes get _clientRef in each shape.
    const variants = item.anyOf ?? item.oneOf;
    if (variants && !item.properties) {
      const key = item.anyOf ? "anyOf" : "oneOf";
      return { ...item, [key]: variants.map(withClientRef) };
    }
    return {
      ...item,
      properties: {
        _clientRef: {
          type: "string",
          description: "Your own reference for this item, echoed in the bulk results.",
        },
        ...item.properties,
      },
    };
  };
  return { ...schema, minItems: 1, items: withClientRef(schema.items ?? {}) };
}

/** A query parameter a script takes beyond its operations.tsv row (the row's list stays first). */
export type ExtraQuery = {
  /** main's parameter name. */
  name: string;
  /** The name on the wire, when it is not a valid identifier (filter[objectType]). */
  wire?: string;
  schema: OpenApiSchema;
};

const PAGE: ExtraQuery[] = [
  { name: "page", schema: { type: "integer", minimum: 1 } },
  { name: "pageSize", schema: { type: "integer", minimum: 1 } },
];

/**
 * Lists the spec forgot to give page/pageSize, which Kustomer's pagination guide uses on every list
 * (https://developer.kustomer.com/docs/concepts/pagination, api-facts §5.4), and the audit-log
 * filters and cursors that the catalogue lists but the spec leaves out.
 */
export const EXTRA_QUERY: { [operationId: string]: ExtraQuery[] } = {
  GetCustomers: PAGE,
  GetCompanies: PAGE,
  GetKObjects: PAGE,
  FindCompanyKObjects: PAGE,
  FindCustomerKObjects: PAGE,
  GetNotesForOrg: PAGE,
  GetSpamSenders: PAGE,
  CustomerSearch: [...PAGE, { name: "idsOnly", schema: { type: "boolean" } }],
  GetUsers: PAGE,
  GetTeams: PAGE,
  GetAllRoleGroups: PAGE,
  GetAuthTokens: PAGE,
  GetUsersTeams: PAGE,
  GetAuditLogs: [
    { name: "count", schema: { type: "integer", minimum: 1, maximum: 1000 } },
    { name: "after", schema: { type: "string" } },
    { name: "before", schema: { type: "string" } },
    {
      name: "filterObjectType",
      wire: "filter[objectType]",
      schema: {
        type: "string",
        enum: [
          "bill_subscription",
          "business_rule",
          "company",
          "conversation",
          "customer",
          "message",
          "search",
          "shortcut",
          "user",
          "work_item",
          "ip_rule",
          "work_session",
          "shopify_rest",
        ],
      },
    },
    { name: "filterObjectId", wire: "filter[objectId]", schema: { type: "string" } },
    { name: "filterUserId", wire: "filter[userId]", schema: { type: "string" } },
    { name: "filterInclude", wire: "filter[include]", schema: { type: "string" } },
    { name: "filterStart", wire: "filter[start]", schema: { type: "string" } },
    { name: "filterEnd", wire: "filter[end]", schema: { type: "string" } },
  ],
};

/**
 * Query values a script refuses to go without although the row marks them optional: a bulk delete
 * without ids has nothing to delete, and guessing what Kustomer would do with none is not worth
 * the risk of finding out.
 */
export const REQUIRED_QUERY: { [operationId: string]: string[] } = {
  BulkDeleteCustomers: ["ids"],
};

/**
 * Operations beyond Core Resources that the collection covers from ../shared/kustomer/endpoints.json:
 * every full-schema Access management operation (users, teams, role groups, auth tokens and
 * settings), and the two bulk-operation reads that bulk imports need. Their folder is their
 * resource in snake case, except the bulk reads, which live with the other bulk flow steps.
 */
export const CATALOGUE_FOLDERS: { [resource: string]: string } = {
  users: "users",
  teams: "teams",
  roleGroups: "role_groups",
  authTokensAndSettings: "auth_tokens_and_settings",
  authRoles: "auth_roles",
  bulkOperations: "bulk",
  outboundWebhooks: "outbound_webhooks",
};

/** The catalogue's bulk-operation reads (its other entries for this resource are full-schema). */
export const CATALOGUE_EXTRA_IDS = [
  "get-bulk-operation-by-id",
  "get-bulk-operation-batches",
  // Outbound webhooks (Apps platform), for webhook intake (README "Kustomer events in Windmill").
  "list-outbound-webhooks",
  "create-outbound-webhook",
  "list-subscribable-events",
  "delete-outbound-webhook",
];

/**
 * Corrections to catalogue entries, keyed by the catalogue's id. The create-outbound-webhook
 * entry has an id made from its notes, no roles ("role not captured") and a body of loose field
 * types; its body is the schema written from Kustomer's outbound-webhook docs
 * (beyond-core/schemas/derived/), and its roles are the ones the docs give the resource
 * (beyond-core/README.md: org.permission.outbound_webhook.create, legacy
 * org.admin.outbound_webhooks).
 */
export const CATALOGUE_PATCHES: { [catalogueId: string]: Partial<CatalogueEntry> } = {
  "create-outbound-webhook-body-name-url-https-events-up-to-12-": {
    id: "create-outbound-webhook",
    roles: {
      permissionSet: ["org.permission.outbound_webhook.create"],
      legacy: ["org.outbound_webhooks", "org.admin.outbound_webhooks"],
    },
    bodySchemaFile: "beyond-core/schemas/derived/create-outbound-webhook.request.json",
    contract: {
      source: "reference-page",
      fieldsSource: "beyond-core/schemas/derived/create-outbound-webhook.request.json",
    },
  },
  "list-outbound-webhooks": {
    contract: {
      source: "reference-page",
      responseShape: "meltanolabs-tap-kustomer/apps_platform__outbound_webhooks.json",
    },
  },
};

const OUTBOUND_WEBHOOK_READ = {
  permissionSet: ["org.permission.outbound_webhook.read"],
  legacy: ["org.outbound_webhooks", "org.admin.outbound_webhooks"],
};

/**
 * Operations the catalogue lacks, written in its form from ../shared/kustomer/beyond-core/
 * (operations.tsv and README.md): reading one outbound webhook (it returns the signing token
 * again, per the delivery docs) and the delivery log.
 */
export const EXTRA_OPERATIONS: CatalogueEntry[] = [
  {
    id: "get-outbound-webhook",
    resource: "outboundWebhooks",
    method: "GET",
    path: "/v1/outbound-webhooks/{id}",
    title: "Get Outbound Webhook by ID",
    detail: "beyond-core/operations.tsv",
    pathParams: [{ name: "id", type: "string", required: true }],
    queryParams: [],
    hasJsonBody: false,
    bodyIsArray: false,
    roles: OUTBOUND_WEBHOOK_READ,
    // The delivery guide documents the route (it returns the token again).
    sources: ["https://developer.kustomer.com/docs/events/delivery-and-retries"],
    contract: { source: "reference-page" },
  },
  {
    id: "list-outbound-webhook-transactions",
    resource: "outboundWebhooks",
    method: "GET",
    path: "/v1/outbound-webhooks/transactions",
    title: "List Outbound Webhook Transactions",
    detail: "beyond-core/operations.tsv",
    pathParams: [],
    queryParams: [],
    hasJsonBody: false,
    bodyIsArray: false,
    roles: OUTBOUND_WEBHOOK_READ,
    sources: ["https://developer.kustomer.com/docs/events/outbound-webhooks"],
    // No reference page documents it: the shape of its items is what the tap read from a live org.
    contract: {
      source: "response-shape",
      responseShape: "meltanolabs-tap-kustomer/apps_platform__outbound_webhooks_transactions.json",
    },
  },
];
