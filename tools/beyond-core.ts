// Generator inputs for the operations beyond Core Resources and Access management: the rows of
// ../shared/kustomer/beyond-core/operations.tsv (method, path, summary, Kustomer's group, response
// shape, reference page) and the operations added from Kustomer's reference (ADDED_OPERATIONS).
// For each one this file says what the table cannot: the script's folder and operationId, the query
// parameters and the body fields, each with where they come from. A script is generated for an
// operation when its folder's tools/descriptions/<folder>.ts describes it (tools/descriptions.ts).
//
// Where Kustomer's reference page names request fields, they are typed here with the page as the
// source. Where no source documents the body, the script takes a free-form object (its
// description says so). Unknown fields are never refused for these operations: the sources are
// incomplete, and refusing a field Kustomer accepts would make the script useless.

import type { OpenApiSchema } from "./generate.ts";

/** Where the contract of an operation (its method, path, parameters and body) comes from. */
export type ContractSource = "openapi" | "reference-page" | "response-shape" | "path-only";

/** How each source reads in a script's header and in the README's coverage table. */
export const CONTRACT_LABELS: { [source in ContractSource]: string } = {
  openapi: "Kustomer's official OpenAPI",
  "reference-page": "Kustomer's reference page",
  "response-shape": "response shape only",
  "path-only": "method and path only",
};

export type BeyondQuery = {
  name: string;
  schema: OpenApiSchema;
  required?: boolean;
};

export type BeyondCoreInput = {
  /** main's operation name, also the script's file name in snake case. */
  operationId: string;
  /** scripts/<folder>/, named after Kustomer's group. */
  folder: string;
  query?: BeyondQuery[];
  /** The body's fields, typed from `fieldsSource`; a free-form object when absent. */
  body?: OpenApiSchema;
  /** The page the body fields or query parameters were read from. */
  fieldsSource?: string;
  /**
   * Roles read on the operation's reference page (its Authorization section), for operations whose
   * catalogue entry did not capture them.
   */
  roles?: string[];
  /** The script's title, when the table has none (or only a note). */
  title?: string;
  /** Overrides the source the table's notes give (e.g. a reference page found since). */
  source?: ContractSource;
  /** The operation's reference page when the table lacks it. */
  reference?: string;
};

/** An operation of Kustomer's reference that is not in beyond-core/operations.tsv. */
export type AddedOperation = BeyondCoreInput & {
  group: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  summary: string;
  reference: string;
};

/**
 * Kustomer's pagination guide (developer.kustomer.com/docs/concepts/pagination) uses page and
 * pageSize on every list; pages count from 1.
 */
const PAGE: BeyondQuery[] = [
  { name: "page", schema: { type: "integer", minimum: 1 } },
  { name: "pageSize", schema: { type: "integer", minimum: 1 } },
];

const CHAT_SERVER_API = "https://developer.kustomer.com/docs/chat/server-chat-api";

/** The roles the knowledge-base reference pages list for creating (and, next, updating) records. */
const KB_CREATE_ROLES = [
  "org.permission.kb.create",
  "org.admin.content.kb.write (legacy)",
  "org.admin.kb.write (legacy)",
];
const KB_UPDATE_ROLES = [
  "org.permission.kb.update",
  "org.admin.content.kb.write (legacy)",
  "org.admin.kb.write (legacy)",
];

/** The roles the apps-platform pages list for reading apps and cards. */
const APPS_READ_ROLES = [
  "org.permission.apps.read",
  "org.user.apps.read (legacy)",
  "org.admin.apps.read (legacy)",
];

/** The roles the KView pages list for changing a KView or their order. */
const KVIEW_UPDATE_ROLES = ["org.permission.kview.update", "org.admin.kview.write (legacy)"];

/** The roles the inbound-hook pages list for creating a hook. */
const HOOK_CREATE_ROLES = ["org.permission.hook.create", "org.admin.hook.write (legacy)"];

/** The roles the company hierarchy pages list for every write. */
const COMPANY_UPDATE_ROLES = ["org.permission.company.update", "org.user.company.write (legacy)"];

/** Kustomer's guide to managing queues and queue rules through the API. */
const QUEUES_GUIDE = "https://developer.kustomer.com/docs/guides/queues-and-routing";

/** The roles the work-session pages list for reading and for updating a session. */
const WORK_SESSION_READ_ROLES = [
  "org.permission.work_session.read",
  "org.permission.routing.read",
  "org.user.routing.read (legacy)",
];
const WORK_SESSION_UPDATE_ROLES = [
  "org.permission.work_session.update",
  "org.permission.routing.update",
  "org.user.routing.write (legacy)",
];

/** The roles the satisfaction-survey pages list for changing a survey or their order. */
const SATISFACTION_UPDATE_ROLES = [
  "org.permission.satisfaction.update",
  "org.admin.satisfaction.write (legacy)",
];

/** Inputs for the rows of beyond-core/operations.tsv, keyed by "METHOD path". */
export const BEYOND_CORE: { [route: string]: BeyondCoreInput } = {
  // Queues and routing: queues and queue rules.
  "GET /v1/chat/queues/metrics/{ids}": { operationId: "GetQueueMetrics", folder: "queues" },
  "GET /v1/routing/queue-rules": { operationId: "GetQueueRules", folder: "queues", query: PAGE },
  "POST /v1/routing/queue-rules": { operationId: "CreateQueueRule", folder: "queues" },
  "GET /v1/routing/queue-rules-criteria": { operationId: "GetQueueCriteria", folder: "queues" },
  "PUT /v1/routing/queue-rules/order": {
    operationId: "UpdateQueueRuleOrder",
    roles: [
      "org.permission.queue_rule.update",
      "org.permission.routing.update",
      "org.admin.routing.write (legacy)",
    ],
    folder: "queues",
  },
  "DELETE /v1/routing/queue-rules/{id}": { operationId: "DeleteQueueRule", folder: "queues" },
  "GET /v1/routing/queue-rules/{id}": { operationId: "GetQueueRule", folder: "queues" },
  "PUT /v1/routing/queue-rules/{id}": {
    operationId: "UpdateQueueRule",
    roles: [
      "org.permission.queue_rule.update",
      "org.permission.routing.update",
      "org.admin.routing.write (legacy)",
    ],
    folder: "queues",
  },
  "GET /v1/routing/queues": {
    operationId: "GetQueues",
    folder: "queues",
    roles: [
      "org.permission.queue.read",
      "org.permission.routing.read",
      "org.user.routing.read (legacy)",
    ],
    // Kustomer's routing guide looks a queue up by its key (GET ?key=) before creating or updating it.
    query: [...PAGE, { name: "key", schema: { type: "string" } }],
    fieldsSource: QUEUES_GUIDE,
  },
  "PUT /v1/routing/queues/{id}": {
    operationId: "UpdateQueueById",
    folder: "queues",
    roles: [
      "org.permission.routing.update",
      "org.permission.queue.update",
      "org.admin.routing.write (legacy)",
    ],
  },
  // Queues and routing: work items, work sessions, statuses and team settings.
  "GET /v1/routing/queues/{id}/work-items/next": {
    operationId: "GetNextWorkItemInQueue",
    folder: "routing",
  },
  "GET /v1/routing/conversations/{id}/work-items": {
    operationId: "GetWorkItemsByConversation",
    roles: ["org.permission.routing.read", "org.user.routing.read (legacy)"],
    folder: "routing",
  },
  "GET /v1/routing/settings": {
    operationId: "GetTeamRoutingSettings",
    roles: ["org.permission.routing.read", "org.user.routing.read (legacy)"],
    folder: "routing",
    query: PAGE,
  },
  "GET /v1/routing/statuses": { operationId: "GetRoutingStatuses", folder: "routing" },
  "GET /v1/routing/users/current/settings": {
    operationId: "GetCurrentUserRoutingSettings",
    title: "Get current user's routing settings",
    folder: "routing",
  },
  "GET /v1/routing/users/{id}/work-sessions": {
    operationId: "GetWorkSessionsByUserId",
    folder: "routing",
    query: PAGE,
  },
  "GET /v1/routing/work-items": {
    operationId: "GetWorkItems",
    title: "List work items",
    folder: "routing",
    query: PAGE,
  },
  "POST /v1/routing/work-items": {
    operationId: "CreateWorkItem",
    roles: ["org.permission.routing.create", "org.user.routing.write (legacy)"],
    folder: "routing",
  },
  "GET /v1/routing/work-sessions": {
    operationId: "GetWorkSessions",
    title: "List work sessions",
    folder: "routing",
    query: PAGE,
  },
  "GET /v1/routing/work-sessions/current": {
    operationId: "GetCurrentWorkSession",
    title: "Get current work session",
    folder: "routing",
  },
  "GET /v1/routing/work-sessions/current/work-items": {
    operationId: "GetCurrentWorkSessionWorkItems",
    title: "List current work session's work items",
    folder: "routing",
    query: PAGE,
  },
  // Workflows.
  "DELETE /v1/workflow-variables/{id}": {
    operationId: "DeleteWorkflowVariable",
    folder: "workflows",
  },
  "GET /v1/workflow-variables/{id}": { operationId: "GetWorkflowVariable", folder: "workflows" },
  "PUT /v1/workflow-variables/{id}": {
    operationId: "UpdateWorkflowVariable",
    folder: "workflows",
  },
  "GET /v1/workflows": { operationId: "GetWorkflows", folder: "workflows", query: PAGE },
  "POST /v1/workflows": { operationId: "CreateWorkflow", folder: "workflows" },
  "GET /v1/workflows/{id}": { operationId: "GetWorkflowById", folder: "workflows" },
  "PUT /v1/workflows/{id}": { operationId: "UpdateWorkflowById", folder: "workflows" },
  "GET /v1/workflows/{id}/processes": {
    operationId: "GetWorkflowProcesses",
    folder: "workflows",
    query: PAGE,
  },
  "GET /v1/workflows/{id}/variables": {
    operationId: "GetWorkflowVariables",
    folder: "workflows",
  },
  "POST /v1/workflows/{id}/variables": {
    operationId: "CreateWorkflowVariable",
    folder: "workflows",
  },
  // Apps platform (the outbound webhooks are issue 12's, in scripts/outbound_webhooks/).
  "GET /v1/apps": {
    operationId: "GetInstalledApps",
    title: "List installed apps",
    folder: "apps",
    roles: APPS_READ_ROLES,
    query: PAGE,
  },
  "GET /v1/apps/available": {
    operationId: "GetAvailableApps",
    title: "List available apps",
    folder: "apps",
    query: PAGE,
  },
  "GET /v1/apps/available/{appVersion}": { operationId: "GetAvailableApp", folder: "apps" },
  "GET /v1/apps/{appVersion}": {
    operationId: "GetInstalledAppVersion",
    title: "Get installed app by version",
    folder: "apps",
    roles: APPS_READ_ROLES,
  },
  "GET /v1/cards": { operationId: "GetCards", folder: "apps", query: PAGE },
  "POST /v1/cards/available": {
    operationId: "MakeCardAvailable",
    title: "Make a card available",
    folder: "apps",
  },
  "GET /v1/hooks/email": {
    operationId: "GetEmailHooks",
    title: "List email hooks",
    folder: "apps",
    query: PAGE,
  },
  "GET /v1/hooks/form": {
    operationId: "GetFormHooks",
    title: "List form hooks",
    folder: "apps",
    query: PAGE,
  },
  "GET /v1/hooks/web": {
    operationId: "GetWebHooks",
    title: "List web hooks",
    folder: "apps",
    query: PAGE,
  },
  "POST /v1/hooks/web/{hash}": { operationId: "CreateWebHookTransaction", folder: "apps" },
  "GET /v1/kviews": {
    operationId: "GetKViews",
    title: "List KViews",
    folder: "apps",
    query: PAGE,
    roles: [
      "org.permission.kview.read",
      "org.user.kview.read (legacy)",
      "org.admin.kview.read (legacy)",
    ],
  },
  // Chat conversations (v2.1): the server-side chat API.
  "POST /v2.1/chat/handoff": {
    operationId: "CreateChatSessionViaHandoff",
    roles: ["org.permission.conversation.create", "org.permission.message.create"],
    folder: "chat",
    fieldsSource: "https://developer.kustomer.com/api/chat/create-a-chat-session-via-handoff",
    body: {
      type: "object",
      required: ["customerId", "messages"],
      properties: {
        customerId: { type: "string", description: "The customer the chat belongs to." },
        trackingId: { type: "string", description: "The customer's chat tracking id, if known." },
        from: {
          type: "string",
          description: "Who sent the outbound messages; applied to every one of them.",
        },
        externalId: {
          type: "string",
          description: "Your id of the external conversation, kept on the session.",
        },
        active: {
          type: "boolean",
          description: "false creates the session closed (CSAT may be offered).",
        },
        messages: {
          type: "array",
          minItems: 2,
          maxItems: 100,
          description:
            "2 to 100 messages, at least one with direction in and one with direction out.",
          // The page names each message's direction (in, out) but not its other fields.
          items: { type: "object" },
        },
      },
    },
  },
  "POST /v2.1/chat/messages": {
    operationId: "CreateInboundChatMessage",
    folder: "chat",
    fieldsSource: CHAT_SERVER_API,
    body: {
      type: "object",
      required: ["customerId"],
      properties: {
        customerId: { type: "string", description: "The customer posting the message." },
        session: { type: "string", description: "The chat session (conversation) id." },
        body: { type: "string", description: "The message text." },
        attachments: { type: "array", items: { type: "object" } },
        trackingId: { type: "string", description: "The customer's chat tracking id." },
      },
    },
  },
  "POST /v2.1/chat/outbound/assistant/messages": {
    operationId: "CreateAssistantChatMessages",
    folder: "chat",
  },
  "POST /v2.1/chat/outbound/messages": {
    operationId: "CreateOutboundChatMessage",
    folder: "chat",
    fieldsSource: "https://developer.kustomer.com/api/chat/create-an-outbound-agent-chat-message",
    body: {
      type: "object",
      required: ["customerId", "from"],
      properties: {
        customerId: { type: "string", description: "The customer the message goes to." },
        from: { type: "string", description: "The agent (user id) the message is from." },
        session: { type: "string", description: "The chat session (conversation) id." },
        body: { type: "string", description: "The message text (or attachments)." },
        attachments: { type: "array", items: { type: "object" } },
        auto: { type: "boolean", description: "true marks the message as automated." },
      },
    },
  },
  "POST /v2.1/chat/outbound/typing": {
    operationId: "SetChatTypingIndicator",
    folder: "chat",
    fieldsSource: "https://developer.kustomer.com/api/chat/show-or-hide-agent-ai-typing-indicator",
    body: {
      type: "object",
      required: ["customerId", "from", "session", "typing"],
      properties: {
        customerId: { type: "string", description: "The customer who sees the indicator." },
        from: { type: "string", description: "The agent (user id) who is typing." },
        session: { type: "string", description: "The chat session (conversation) id." },
        typing: { type: "boolean", description: "true shows the indicator, false hides it." },
        ai: { type: "boolean", description: "true shows it as the AI assistant typing." },
      },
    },
  },
  "PUT /v2.1/chat/satisfaction-responses/{id}": {
    operationId: "UpdateChatSatisfactionResponse",
    folder: "chat",
    query: [{ name: "include", schema: { type: "string", enum: ["satisfaction"] } }],
    fieldsSource: "https://developer.kustomer.com/api/chat/update-a-chat-satisfaction-response",
    body: {
      type: "object",
      required: ["customerId"],
      properties: {
        customerId: { type: "string", description: "The customer who answered the survey." },
        rating: { type: "number", description: "The customer's rating." },
        answers: { type: "array", items: { type: "object" } },
        read: { type: "boolean" },
      },
    },
  },
  "GET /v2.1/chat/sessions": {
    operationId: "ListChatSessions",
    roles: ["org.permission.conversation.read"],
    folder: "chat",
    fieldsSource: "https://developer.kustomer.com/api/chat/list-chat-sessions",
    query: [
      { name: "customerId", schema: { type: "string" } },
      { name: "trackingId", schema: { type: "string" } },
      { name: "active", schema: { type: "boolean" } },
      { name: "brandId", schema: { type: "string" } },
      ...PAGE,
    ],
  },
  "POST /v2.1/chat/sessions": {
    operationId: "CreateChatSession",
    roles: ["org.permission.conversation.create"],
    folder: "chat",
    fieldsSource: "https://developer.kustomer.com/api/chat/create-a-chat-session",
    body: {
      type: "object",
      required: ["customerId"],
      properties: {
        customerId: { type: "string", description: "The customer the session is for." },
        trackingId: { type: "string", description: "The customer's chat tracking id." },
        assistant: {
          type: "string",
          description: "An assistant id: its greeting is posted when the session opens.",
        },
      },
    },
  },
  "GET /v2.1/chat/sessions/{id}/messages": {
    operationId: "ListChatSessionMessages",
    folder: "chat",
    query: PAGE,
  },
  // Knowledge base. The /p/v3 routes are the public (published) knowledge base.
  "GET /p/v3/kb/articles": {
    operationId: "GetPublishedArticles",
    folder: "knowledge_base",
    roles: ["none: callable without an API key"],
    query: [{ name: "knowledgeBaseId", schema: { type: "string" } }, ...PAGE],
  },
  "GET /p/v3/kb/articles/search": {
    operationId: "SearchPublishedArticles",
    folder: "knowledge_base",
  },
  "GET /p/v3/kb/categories": {
    operationId: "GetPublishedCategories",
    title: "List published categories",
    folder: "knowledge_base",
  },
  "GET /v1/kb/articles": {
    operationId: "GetKbArticles",
    title: "Get articles",
    folder: "knowledge_base",
    query: PAGE,
  },
  "POST /v1/kb/articles": { operationId: "CreateKbArticle", folder: "knowledge_base" },
  "GET /v1/kb/articles/search": {
    operationId: "SearchKbArticles",
    title: "Search articles",
    folder: "knowledge_base",
  },
  "GET /v1/kb/articles/{id}": { operationId: "GetKbArticleById", folder: "knowledge_base" },
  "PUT /v1/kb/articles/{id}": { operationId: "UpdateKbArticle", folder: "knowledge_base" },
  "DELETE /v1/kb/articles/{id}/versions/{lang}": {
    operationId: "DeleteKbArticleLanguageVersions",
    folder: "knowledge_base",
  },
  "GET /v1/kb/articles/{id}/versions/{lang}": {
    operationId: "GetKbArticleLanguageVersions",
    title: "Get versions of a language",
    folder: "knowledge_base",
  },
  "POST /v1/kb/articles/{id}/versions/{lang}": {
    operationId: "CreateKbArticleVersion",
    folder: "knowledge_base",
  },
  "GET /v1/kb/categories": {
    operationId: "GetKbCategories",
    title: "List categories",
    folder: "knowledge_base",
    query: PAGE,
  },
  "GET /v1/kb/forms": {
    operationId: "GetKbForms",
    title: "List forms",
    folder: "knowledge_base",
    query: PAGE,
  },
  "GET /v1/kb/internal/categories": {
    operationId: "GetKbInternalCategories",
    title: "List internal categories",
    folder: "knowledge_base",
    query: PAGE,
  },
  "GET /v1/kb/route": { operationId: "GetKbRoute", title: "Get route", folder: "knowledge_base" },
  "GET /v1/kb/routes": {
    operationId: "GetKbRoutes",
    title: "List routes",
    folder: "knowledge_base",
    query: PAGE,
  },
  "GET /v3/kb/tags": {
    operationId: "GetKbTags",
    title: "List knowledge base tags",
    folder: "knowledge_base",
    query: PAGE,
  },
  "GET /v3/kb/templates": {
    operationId: "GetKbTemplates",
    title: "List templates",
    folder: "knowledge_base",
  },
  "GET /v3/kb/themes": {
    operationId: "GetKbThemes",
    title: "List themes",
    folder: "knowledge_base",
    query: PAGE,
  },
  "GET /v3/kb/themes/active": {
    operationId: "GetActiveKbTheme",
    title: "Get active theme",
    folder: "knowledge_base",
  },
  // Settings and configurations.
  "GET /v1/chat/settings": {
    operationId: "GetChatSettings",
    folder: "settings",
    roles: ["any valid API key or signed-in user (no specific role)"],
  },
  "PATCH /v1/chat/settings": { operationId: "SetChatSettings", folder: "settings" },
  "GET /v1/customers/searches": {
    operationId: "GetSavedSearches",
    title: "List saved searches",
    folder: "settings",
    query: PAGE,
  },
  "GET /v1/customers/searches/pinned": {
    operationId: "GetPinnedSearches",
    title: "List pinned searches",
    folder: "settings",
  },
  "GET /v1/customers/searches/positions": {
    operationId: "GetSavedSearchPositions",
    title: "Get saved search positions",
    folder: "settings",
  },
  "GET /v1/customers/searches/schema": {
    operationId: "GetSearchSchema",
    title: "Get search schema",
    folder: "settings",
  },
  "GET /v1/notifications": {
    operationId: "GetNotifications",
    title: "List notifications",
    folder: "settings",
    query: PAGE,
  },
  "GET /v1/notifications/logs/settings": {
    operationId: "GetNotificationsLogsSettings",
    folder: "settings",
  },
  "GET /v1/notifications/users/current/settings": {
    operationId: "GetCurrentUserNotificationSettings",
    title: "Get current user's notification settings",
    folder: "settings",
  },
  "POST /v1/satisfaction": { operationId: "CreateSatisfactionSurvey", folder: "satisfaction" },
  "GET /v1/settings": {
    operationId: "GetSettings",
    title: "List settings",
    folder: "settings",
    query: PAGE,
  },
  "GET /v1/settings/{app}/{category}/{name}": { operationId: "GetSetting", folder: "settings" },
  "GET /v1/shortcuts": { operationId: "GetShortcuts", folder: "settings", query: PAGE },
  "GET /v1/shortcuts/categories": { operationId: "GetShortcutCategories", folder: "settings" },
  "DELETE /v1/shortcuts/{id}": { operationId: "DeleteShortcut", folder: "settings" },
  "GET /v1/snippets": { operationId: "GetSnippets", folder: "settings", query: PAGE },
  "POST /v1/snippets": { operationId: "CreateSnippet", folder: "settings" },
  "GET /v1/snippets/{id}": { operationId: "GetSnippetByIdOrKey", folder: "settings" },
  "PATCH /v1/snippets/{id}": { operationId: "PatchSnippet", folder: "settings" },
  "GET /v1/snoozes": { operationId: "GetSnoozes", folder: "settings", query: PAGE },
  "DELETE /v1/snoozes/{id}": { operationId: "DeleteSnooze", folder: "settings" },
  "GET /v1/users/current/settings": {
    operationId: "GetCurrentUserSettings",
    title: "Get current user's settings",
    folder: "settings",
  },
  // AI and automations.
  "GET /v1/ai/automations": {
    operationId: "ListAiAutomations",
    folder: "ai",
    query: PAGE,
    roles: ["org.permission.assistant.read", "org.user.apps.read (legacy)"],
  },
  "GET /v1/ai/automations/{automationId}": { operationId: "GetAiAutomation", folder: "ai" },
  "GET /v1/ai/automations/{automationId}/evaluations": {
    operationId: "ListAiAutomationEvaluations",
    title: "List evaluations of an AI automation",
    folder: "ai",
    query: PAGE,
  },
  "GET /v1/ai/evaluation-testcases/{testCaseId}": {
    operationId: "GetAiEvaluationTestCase",
    folder: "ai",
    roles: ["org.permission.assistant.read", "org.user.apps.read (legacy)"],
  },
  "POST /v1/ai/evaluations": { operationId: "CreateAiEvaluation", folder: "ai" },
  "DELETE /v1/ai/evaluations/{evaluationId}": { operationId: "DeleteAiEvaluation", folder: "ai" },
  "GET /v1/ai/evaluations/{evaluationId}": { operationId: "GetAiEvaluation", folder: "ai" },
  "PUT /v1/ai/evaluations/{evaluationId}": {
    operationId: "UpdateAiEvaluation",
    folder: "ai",
    roles: ["org.permission.assistant.update", "org.admin.apps.write (legacy)"],
  },
  "GET /v1/ai/summaries/batch": {
    operationId: "BatchGetAiSummaries",
    roles: ["org.permission.conversation.read", "org.permission.customer.read"],
    folder: "ai",
  },
  "GET /v1/ai/summaries/{resourceId}": { operationId: "GetAiSummary", folder: "ai" },
  // Core resources missing from the official OpenAPI, and the v2 conversation times.
  "DELETE /v1/kedge/{id}": { operationId: "DeleteCompanyHierarchyEdge", folder: "companies" },
  "DELETE /v1/kedge/{id}/parent": {
    operationId: "UnlinkCompanyFromParent",
    folder: "companies",
  },
  "GET /v1/satisfaction-responses/{id}": {
    operationId: "GetSatisfactionResponse",
    folder: "satisfaction",
  },
  "GET /v1/slas": { operationId: "GetSlas", title: "List SLAs", folder: "slas", query: PAGE },
  "GET /v1/tags": { operationId: "GetTags", folder: "tags", query: PAGE },
  "GET /v2/conversations/{id}/times": {
    operationId: "GetConversationTimesV2",
    folder: "conversations",
  },
};

/** Operations of Kustomer's reference found beyond beyond-core/operations.tsv, with their source. */
export const ADDED_OPERATIONS: AddedOperation[] = [
  {
    // The routing guide syncs queues from a file: it looks each one up by key (GET ?key=), then
    // creates it (POST) or updates it (PUT /v1/routing/queues/{id}).
    group: "Queues and routing",
    method: "POST",
    path: "/v1/routing/queues",
    summary: "Create queue",
    reference: QUEUES_GUIDE,
    operationId: "CreateQueue",
    folder: "queues",
    roles: ["org.permission.queue.create"],
  },
  {
    group: "Queues and routing",
    method: "GET",
    path: "/v1/routing/queues/{id}",
    summary: "Get queue",
    reference: "https://developer.kustomer.com/api/queues-and-routing/get-queue",
    source: "reference-page",
    operationId: "GetQueueById",
    folder: "queues",
    roles: [
      "org.permission.queue.read",
      "org.permission.routing.read",
      "org.user.routing.read (legacy)",
    ],
  },
  {
    group: "Knowledge base",
    method: "POST",
    path: "/v1/kb/knowledge-bases",
    summary: "Create Knowledge Base",
    reference: "https://developer.kustomer.com/api/knowledge-base/create-knowledge-base",
    source: "reference-page",
    operationId: "CreateKnowledgeBase",
    folder: "knowledge_base",
    roles: KB_CREATE_ROLES,
  },
  {
    group: "Knowledge base",
    method: "PATCH",
    path: "/v1/kb/knowledge-bases/{id}",
    summary: "Update Knowledge Base",
    reference: "https://developer.kustomer.com/api/knowledge-base/update-knowledge-base",
    source: "reference-page",
    operationId: "UpdateKnowledgeBase",
    folder: "knowledge_base",
    roles: KB_UPDATE_ROLES,
  },
  {
    group: "Knowledge base",
    method: "POST",
    path: "/v1/kb/articles/{id}/schedules",
    summary: "Create article schedule",
    reference: "https://developer.kustomer.com/api/knowledge-base/create-article-schedule",
    source: "reference-page",
    operationId: "CreateKbArticleSchedule",
    folder: "knowledge_base",
    roles: KB_CREATE_ROLES,
  },
  {
    group: "Core resources",
    method: "POST",
    path: "/v1/kedge",
    summary: "Create a company hierarchy edge",
    reference: "https://developer.kustomer.com/api/core-resources/create-a-company-hierarchy-edge",
    source: "reference-page",
    operationId: "CreateCompanyHierarchyEdge",
    folder: "companies",
    roles: COMPANY_UPDATE_ROLES,
    fieldsSource:
      "https://developer.kustomer.com/api/core-resources/create-a-company-hierarchy-edge",
    body: {
      type: "object",
      // The page's errors: sourceId and targetId must name existing companies, and differ.
      required: ["sourceId", "targetId"],
      properties: {
        sourceId: { type: "string", minLength: 1, description: "The parent company's id." },
        targetId: { type: "string", minLength: 1, description: "The child company's id." },
        sourceType: { type: "string", description: "The parent's node type (a company)." },
        targetType: { type: "string", description: "The child's node type (a company)." },
        name: {
          type: "string",
          description: "The hierarchy tree the edge belongs to (company_hierarchy when not sent).",
        },
      },
    },
  },
  {
    group: "Core resources",
    method: "POST",
    path: "/v1/kedge/{id}/parent",
    summary: "Set a company's parent",
    reference: "https://developer.kustomer.com/api/core-resources/set-a-companys-parent",
    source: "reference-page",
    operationId: "SetCompanyParent",
    folder: "companies",
    roles: COMPANY_UPDATE_ROLES,
    fieldsSource: "https://developer.kustomer.com/api/core-resources/set-a-companys-parent",
    body: {
      type: "object",
      required: ["parentId"],
      properties: {
        parentId: { type: "string", minLength: 1, description: "The new parent company's id." },
        nodeType: { type: "string", description: "The company's node type (a company)." },
        parentType: { type: "string", description: "The parent's node type (a company)." },
      },
    },
  },
  {
    group: "Settings and configurations",
    method: "GET",
    path: "/v1/users/{id}/settings/{app}/{category}/{name}",
    summary: "Get specific user setting",
    reference:
      "https://developer.kustomer.com/api/settings-and-configurations/get-specific-user-setting",
    source: "reference-page",
    operationId: "GetUserSetting",
    folder: "settings",
    roles: [
      "org.permission.setting.read",
      "org.permission.user.read",
      "org.admin.setting.read (legacy)",
      "org.admin.user.read (legacy)",
    ],
  },
  {
    group: "Settings and configurations",
    method: "PUT",
    path: "/v1/users/current/settings/{app}/{category}/{name}",
    summary: "Update specific user setting for current user",
    reference:
      "https://developer.kustomer.com/api/settings-and-configurations/update-specific-user-setting-for-current-user",
    source: "reference-page",
    operationId: "UpdateCurrentUserSetting",
    folder: "settings",
    roles: ["any valid API key or signed-in user (no specific role)"],
  },
  {
    group: "Apps platform",
    method: "POST",
    path: "/v1/hooks/web",
    summary: "Create Web Hook",
    reference: "https://developer.kustomer.com/api/apps-platform/create-web-hook",
    source: "reference-page",
    operationId: "CreateWebHook",
    folder: "apps",
    roles: HOOK_CREATE_ROLES,
  },
  {
    group: "Apps platform",
    method: "POST",
    path: "/v1/hooks/form",
    summary: "Create Form Hook",
    reference: "https://developer.kustomer.com/api/apps-platform/create-form-hook",
    source: "reference-page",
    operationId: "CreateFormHook",
    folder: "apps",
    roles: HOOK_CREATE_ROLES,
  },
  {
    group: "Apps platform",
    method: "GET",
    path: "/v1/hooks/form/{id}",
    summary: "Get a Form Hook by ID",
    reference: "https://developer.kustomer.com/api/apps-platform/get-a-form-hook-by-id",
    source: "reference-page",
    operationId: "GetFormHookById",
    folder: "apps",
    roles: ["org.permission.hook.read", "org.admin.hook.read (legacy)"],
  },
  {
    group: "Apps platform",
    method: "PATCH",
    path: "/v1/hooks/email/{id}",
    summary: "Update Email Hook",
    reference: "https://developer.kustomer.com/api/apps-platform/update-email-hook",
    source: "reference-page",
    operationId: "UpdateEmailHook",
    folder: "apps",
    roles: ["org.permission.hook.update", "org.admin.hook.write (legacy)"],
    fieldsSource: "https://developer.kustomer.com/api/apps-platform/update-email-hook",
    body: {
      type: "object",
      properties: {
        debug: {
          type: "boolean",
          description: "true records the hook's transactions for 24 hours (for debugging).",
        },
      },
    },
  },
  {
    group: "Apps platform",
    method: "GET",
    path: "/v1/hooks/web/{id}/transactions",
    summary: "Get Web Hook Transactions",
    reference: "https://developer.kustomer.com/api/apps-platform/get-web-hook-transactions",
    source: "reference-page",
    operationId: "GetWebHookTransactions",
    folder: "apps",
    roles: ["org.hooks"],
  },
  {
    group: "Apps platform",
    method: "POST",
    path: "/v1/hooks/form/{hash}",
    summary: "Create Form Hook Transaction",
    reference: "https://developer.kustomer.com/api/apps-platform/create-form-hook-transaction",
    source: "reference-page",
    operationId: "CreateFormHookTransaction",
    folder: "apps",
    roles: ["none: callable without an API key"],
  },
  {
    group: "Apps platform",
    method: "POST",
    path: "/v1/hooks/form/{org}/{hash}",
    summary: "Create Form Hook Org Transaction",
    reference: "https://developer.kustomer.com/api/apps-platform/create-form-hook-org-transaction",
    source: "reference-page",
    operationId: "CreateFormHookOrgTransaction",
    folder: "apps",
    roles: ["none: callable without an API key"],
  },
  {
    group: "Apps platform",
    method: "POST",
    path: "/v1/cards/available/{id}/install",
    summary: "Install a Card",
    reference: "https://developer.kustomer.com/api/apps-platform/install-a-card",
    source: "reference-page",
    operationId: "InstallCard",
    folder: "apps",
    roles: ["org.permission.apps.create", "org.admin.apps.write (legacy)"],
  },
  {
    // Kustomer's guide to registering and installing apps (and its older apps-platform page) sends
    // the whole app definition to POST /v1/apps/available; Kustomer's starter repository
    // (kustomer/kustomer-apps-starter-configs) registers its examples the same way.
    group: "Apps platform",
    method: "POST",
    path: "/v1/apps/available",
    summary: "Register an app version",
    reference: "https://developer.kustomer.com/docs/apps/register-and-install",
    source: "reference-page",
    operationId: "RegisterAppVersion",
    folder: "apps",
    roles: ["org.admin.apps"],
  },
  {
    // The same guide's flow: a registered version is installed with POST /v1/apps/install.
    group: "Apps platform",
    method: "POST",
    path: "/v1/apps/install",
    summary: "Install an app",
    reference: "https://developer.kustomer.com/docs/apps/register-and-install",
    source: "reference-page",
    operationId: "InstallApp",
    folder: "apps",
    roles: ["org.admin.apps"],
  },
  {
    group: "Apps platform",
    method: "GET",
    path: "/v1/kviews/{resource}",
    summary: "Get KViews by Resource",
    reference: "https://developer.kustomer.com/api/apps-platform/get-kviews-by-resource",
    source: "reference-page",
    operationId: "GetKViewsByResource",
    folder: "apps",
    roles: ["org.permission.kview.read"],
  },
  {
    group: "Apps platform",
    method: "PUT",
    path: "/v1/kviews/{resource}/{id}",
    summary: "Update KView",
    reference: "https://developer.kustomer.com/api/apps-platform/update-kview",
    source: "reference-page",
    operationId: "UpdateKView",
    folder: "apps",
    roles: KVIEW_UPDATE_ROLES,
  },
  {
    group: "Apps platform",
    method: "PUT",
    path: "/v1/kviews/{resource}/{context}/order",
    summary: "Update KViews Order",
    reference: "https://developer.kustomer.com/api/apps-platform/update-kviews-order",
    source: "reference-page",
    operationId: "UpdateKViewsOrder",
    folder: "apps",
    roles: KVIEW_UPDATE_ROLES,
  },
  {
    group: "Queues and routing",
    method: "GET",
    path: "/v1/routing/work-sessions/{id}",
    summary: "Get work session by ID",
    reference: "https://developer.kustomer.com/api/queues-and-routing/get-work-session-by-id",
    source: "reference-page",
    operationId: "GetWorkSessionById",
    folder: "routing",
    roles: WORK_SESSION_READ_ROLES,
  },
  {
    group: "Queues and routing",
    method: "PUT",
    path: "/v1/routing/work-sessions/{id}",
    summary: "Update work session by ID",
    reference: "https://developer.kustomer.com/api/queues-and-routing/update-work-session-by-id",
    source: "reference-page",
    operationId: "UpdateWorkSessionById",
    folder: "routing",
    roles: WORK_SESSION_UPDATE_ROLES,
  },
  {
    group: "Settings and configurations",
    method: "DELETE",
    path: "/v1/notifications",
    summary: "Delete notifications",
    reference:
      "https://developer.kustomer.com/api/settings-and-configurations/delete-notifications",
    source: "reference-page",
    operationId: "DeleteNotifications",
    folder: "settings",
    roles: ["org.permission.notification.delete", "org.user.notification.write (legacy)"],
  },
  {
    // The page's excerpt gives its title, "Delete a Card", its text ("Deletes a card by ID") and
    // the path; the verb is the title's.
    group: "Apps platform",
    method: "DELETE",
    path: "/v1/cards/{id}",
    summary: "Delete a Card",
    reference: "https://developer.kustomer.com/api/apps-platform/delete-a-card",
    source: "reference-page",
    operationId: "DeleteCard",
    folder: "apps",
    roles: ["org.permission.apps.delete", "org.admin.apps.write (legacy)"],
  },
  {
    group: "Settings and configurations",
    method: "PUT",
    path: "/v1/satisfaction/{id}",
    summary: "Update a satisfaction survey",
    reference:
      "https://developer.kustomer.com/api/settings-and-configurations/update-a-satisfaction-survey",
    source: "reference-page",
    operationId: "UpdateSatisfactionSurvey",
    folder: "satisfaction",
    roles: SATISFACTION_UPDATE_ROLES,
    fieldsSource:
      "https://developer.kustomer.com/api/settings-and-configurations/update-a-satisfaction-survey",
    body: {
      type: "object",
      properties: {
        name: { type: "string", description: "The survey's name." },
        enabled: {
          type: "boolean",
          description: "Enabling a survey counts toward the 30 enabled surveys per channel.",
        },
        channel: {
          type: "string",
          description: "Where the survey is sent, such as email, sms or chat.",
        },
        criteria: {
          type: "object",
          nullable: true,
          description: "The audience rules (and, or). Leave it out to keep them; null clears them.",
          properties: {
            and: { type: "array", items: { type: "object" } },
            or: { type: "array", items: { type: "object" } },
          },
        },
      },
    },
  },
  {
    group: "Settings and configurations",
    method: "PUT",
    path: "/v1/satisfaction/order",
    summary: "Update satisfaction survey order",
    reference:
      "https://developer.kustomer.com/api/settings-and-configurations/update-satisfaction-survey-order",
    source: "reference-page",
    operationId: "UpdateSatisfactionSurveyOrder",
    folder: "satisfaction",
    roles: SATISFACTION_UPDATE_ROLES,
    fieldsSource:
      "https://developer.kustomer.com/api/settings-and-configurations/update-satisfaction-survey-order",
    body: {
      type: "object",
      properties: {
        satisfactionForms: {
          type: "array",
          maxItems: 500,
          items: { type: "string" },
          description:
            "Survey ids (up to 500) in the order Kustomer evaluates the enabled surveys of a channel.",
        },
      },
    },
  },
];
