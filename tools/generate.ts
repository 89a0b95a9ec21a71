// Generates scripts/**.ts and tools/endpoints.json from Kustomer's official Core Resources OpenAPI
// and the operation table in ../shared/kustomer/. Run `bun run generate` after changing
// tools/descriptions.ts, tools/overrides.ts or resources/kustomer.ts; tests/generate.test.ts checks
// that the committed files are exactly what this produces.
//
// What is generated for each operation: the header comment, main's signature with the body type
// inlined (Windmill renders named types as resource pickers), the request description, the local
// validation schema, the stamped shared block and the terminal hook.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { KustomerSchema } from "../resources/kustomer.ts";
import {
  ADDED_OPERATIONS,
  BEYOND_CORE,
  type BeyondCoreInput,
  CONTRACT_LABELS,
  type ContractSource,
} from "./beyond-core.ts";
import { coverageTable, withCoverageTable } from "./coverage.ts";
import { loadDescriptions } from "./descriptions.ts";
import {
  adjustBodySchema,
  CATALOGUE_EXTRA_IDS,
  CATALOGUE_FOLDERS,
  CATALOGUE_PATCHES,
  EXTRA_OPERATIONS,
  EXTRA_QUERY,
  type ExtraQuery,
  MISSING_BODY_SCHEMAS,
  REQUIRED_QUERY,
} from "./overrides.ts";
import {
  formatManyWithBiome,
  readImportBlock,
  readSharedBlock,
  readSyncBlock,
  SHARED_END,
  SHARED_START,
} from "./stamp.ts";

export const ROOT = join(dirname(import.meta.path), "..");
export const SHARED_DIR = join(ROOT, "..", "shared", "kustomer");

/** The OpenAPI schema shapes the generator reads (OpenAPI 3.0: nullable instead of type arrays). */
export type OpenApiSchema = {
  type?: string;
  nullable?: boolean;
  properties?: { [field: string]: OpenApiSchema };
  required?: string[];
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  maxProperties?: number;
  description?: string;
  /** Set by tools/overrides.ts: a `custom` object whose keys are custom attribute names. */
  "x-custom-attributes"?: boolean;
};

type OpenApiParameter = {
  name: string;
  in: string;
  required?: boolean;
  schema?: OpenApiSchema;
  description?: string;
};
type OpenApiOperation = {
  operationId: string;
  summary: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: { [type: string]: { schema?: OpenApiSchema } } };
  /** Where the body schema comes from when it is not an OpenAPI (a file under ../shared/kustomer). */
  bodySource?: string;
};

/** One row of the endpoint table (tools/endpoints.json): the contract each script fulfils. */
export type Endpoint = {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  file: string;
  signature: string;
  /** Optional parameters main takes after the row's (tools/overrides.ts EXTRA_QUERY). */
  extraParameters: string[];
  contentType: string;
  success: string;
  summary: string;
  roles: string[];
  reference: string;
  /** Kustomer's API group, as its reference names it (Core resources, Queues and routing, …). */
  group: string;
  /** Where the operation's contract (method, path, parameters, body) comes from. */
  source: ContractSource;
  /** The page its typed query parameters or body fields come from, when not the OpenAPI. */
  fieldsSource?: string;
  /** The response shape in ../shared/kustomer/beyond-core/schemas/ that describes what it returns. */
  responseShape?: string;
  /**
   * For a list (a GET with page and pageSize): its read-everything step, generated with it
   * (renderListAllScript), and the page size that step asks for.
   */
  listAll?: { file: string; maxPageSize: number; paging?: "cursor" };
};

/** An operation's row before the generator adds what it knows from elsewhere. */
type Row = Omit<
  Endpoint,
  "roles" | "reference" | "group" | "source" | "fieldsSource" | "responseShape" | "listAll"
>;

/** What the generator knows of an operation beyond its row: its group, source and shape. */
type Contract = Pick<Endpoint, "group" | "source" | "fieldsSource" | "responseShape"> & {
  /** The reference page, when the catalogue does not give a better one. */
  reference?: string;
  roles?: string[];
};

type Parameter = {
  name: string;
  optional: boolean;
  location: "path" | "query" | "body";
  isArray: boolean;
};

export function sharedAvailable(): boolean {
  return (
    existsSync(join(SHARED_DIR, "openapi-core.json")) &&
    existsSync(join(SHARED_DIR, "operations.tsv"))
  );
}

function readOperationsTable(): Row[] {
  const lines = readFileSync(join(SHARED_DIR, "operations.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  return lines.map((line) => {
    const [operationId, method, path, file, signature, contentType, success, summary] =
      line.split("\t");
    return {
      operationId: operationId ?? "",
      method: (method ?? "GET") as Endpoint["method"],
      path: path ?? "",
      file: file ?? "",
      signature: signature ?? "",
      extraParameters: (EXTRA_QUERY[operationId ?? ""] ?? []).map((extra) => `${extra.name}?`),
      contentType: contentType ?? "",
      success: success ?? "",
      summary: summary ?? "",
    };
  });
}

type CatalogueField = { name: string; type: string; required?: boolean; enum?: unknown[] };

/** An operation of ../shared/kustomer/endpoints.json (or one written in its form: overrides.ts). */
export type CatalogueEntry = {
  id: string;
  resource: string;
  method: string;
  path: string;
  title: string;
  detail: string;
  pathParams: CatalogueField[];
  queryParams: CatalogueField[];
  hasJsonBody: boolean;
  bodyIsArray: boolean;
  bodyFields?: CatalogueField[];
  roles?: { permissionSet?: string[]; legacy?: string[] };
  sources?: string[];
  /**
   * A JSON Schema of the request body under ../shared/kustomer/ (tools/overrides.ts
   * CATALOGUE_PATCHES), used instead of the catalogue's bodyFields.
   */
  bodySchemaFile?: string;
  /** Where the contract comes from, when the catalogue's detail does not say it (overrides.ts). */
  contract?: Partial<Pick<Endpoint, "source" | "fieldsSource" | "responseShape">>;
};

/** An operation to generate: its row in the endpoint table and its description in the spec. */
type Planned = {
  row: Row;
  operation: OpenApiOperation;
  entry: CatalogueEntry | undefined;
  contract: Contract;
};

/** Core Resources rows from operations.tsv, then the catalogue operations the collection adds. */
function planOperations(
  spec: { paths: { [path: string]: { [method: string]: OpenApiOperation } } },
  catalogue: CatalogueEntry[],
): Planned[] {
  const find = (method: string, path: string) =>
    catalogue.find((item) => item.method === method && item.path === path);
  const core = readOperationsTable().map((row) => ({
    row,
    operation: findOperation(spec, row),
    entry: find(row.method, row.path),
    contract: { group: "Core resources", source: "openapi" as const },
  }));
  const coreRoutes = new Set(core.map(({ row }) => `${row.method} ${row.path}`));
  const patched = [...catalogue, ...EXTRA_OPERATIONS].map((entry) => ({
    ...entry,
    ...CATALOGUE_PATCHES[entry.id],
  }));
  const added = patched
    .filter(
      (entry) =>
        (entry.detail === "full-schema" && !coreRoutes.has(`${entry.method} ${entry.path}`)) ||
        CATALOGUE_EXTRA_IDS.includes(entry.id) ||
        EXTRA_OPERATIONS.some((extra) => extra.id === entry.id),
    )
    .map((entry) => ({
      row: catalogueRow(entry),
      operation: catalogueOperation(entry),
      entry,
      contract: catalogueContract(entry),
    }));
  const planned: Planned[] = [...core, ...added];
  const routes = new Set(planned.map(({ row }) => `${row.method} ${row.path}`));
  // The rows of beyond-core/operations.tsv that have inputs in tools/beyond-core.ts, then the
  // operations added from Kustomer's reference; a route planned above keeps its plan.
  for (const beyond of [...readBeyondCoreTable(), ...addedOperations()]) {
    const route = `${beyond.method} ${beyond.path}`;
    const input = BEYOND_CORE[route] ?? beyond.input;
    if (input === undefined || routes.has(route)) {
      continue;
    }
    routes.add(route);
    planned.push(beyondCorePlan(beyond, input, find(beyond.method, beyond.path)));
  }
  return planned;
}

/** Access management and the bulk reads come from the catalogue; its group for each resource. */
const CATALOGUE_GROUPS: { [resource: string]: string } = {
  users: "Access management",
  teams: "Access management",
  roleGroups: "Access management",
  authTokensAndSettings: "Access management",
  authRoles: "Access management",
  outboundWebhooks: "Apps platform",
  inboundHooks: "Apps platform",
  appsPlatform: "Apps platform",
};

/**
 * A full-schema catalogue entry is Kustomer's OpenAPI as the kustomer-client project generated it;
 * the others were read from an operation's page in Kustomer's reference.
 */
function catalogueContract(entry: CatalogueEntry): Contract {
  return {
    group: CATALOGUE_GROUPS[entry.resource] ?? "Core resources",
    source: entry.detail === "full-schema" ? "openapi" : "reference-page",
    ...entry.contract,
  };
}

/** One row of ../shared/kustomer/beyond-core/operations.tsv (or an added operation). */
type BeyondCoreRow = {
  group: string;
  method: Endpoint["method"];
  path: string;
  summary: string;
  schemaSource: string;
  notes: string;
  input?: BeyondCoreInput;
};

export const BEYOND_CORE_TABLE = join(SHARED_DIR, "beyond-core", "operations.tsv");

export function readBeyondCoreTable(): BeyondCoreRow[] {
  if (!existsSync(BEYOND_CORE_TABLE)) {
    return [];
  }
  return readFileSync(BEYOND_CORE_TABLE, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [group, method, path, summary, schemaSource, notes] = line.split("\t");
      return {
        group: group ?? "",
        method: (method ?? "GET") as Endpoint["method"],
        path: path ?? "",
        summary: summary ?? "",
        schemaSource: schemaSource ?? "none",
        notes: notes ?? "",
      };
    });
}

function addedOperations(): BeyondCoreRow[] {
  return ADDED_OPERATIONS.map((added) => ({
    group: added.group,
    method: added.method,
    path: added.path,
    summary: added.summary,
    schemaSource: "none",
    notes: `doc: ${added.reference}`,
    input: added,
  }));
}

/** The table names groups with details ("Chat conversations (v2.1)"); the reference's names. */
function groupName(group: string): string {
  if (group.startsWith("Core resources (")) {
    return "Core resources";
  }
  return group.replace(/\s*\(v2\.1\)$/, "");
}

/** The reference page of each group, for operations whose own page the table does not give. */
const GROUP_PAGES: { [group: string]: string } = {
  "Queues and routing": "https://developer.kustomer.com/api/queues-and-routing",
  Workflows: "https://developer.kustomer.com/api/workflows",
  "Apps platform": "https://developer.kustomer.com/api/apps-platform",
  "Chat conversations": "https://developer.kustomer.com/api/chat",
  "Knowledge base": "https://developer.kustomer.com/api/knowledge-base",
  "Settings and configurations": "https://developer.kustomer.com/api/settings-and-configurations",
  "AI and automations": "https://developer.kustomer.com/api/ai",
  "Core resources": "https://developer.kustomer.com/api/core-resources",
  "Core resources v2": "https://developer.kustomer.com/api/core-resources-v2",
};

/**
 * A page of Kustomer's reference for this very operation (not a group index): an operation page
 * under /api/<group>/<operation>, or a guide under /docs/ that documents the route.
 */
function operationPages(notes: string): string[] {
  return [...notes.matchAll(/doc: (https:\/\/developer\.kustomer\.com\/\S+?)(?=[;\s]|$)/g)]
    .map((match) => match[1] ?? "")
    .filter((url) => /\/api\/[^/]+\/[^/]+$/.test(url) || url.includes("/docs/"));
}

/** The table's summary, unless it has none ("doc title not captured") or the input names one. */
function titleOf(beyond: BeyondCoreRow, input: BeyondCoreInput): string {
  if (input.title) {
    return input.title;
  }
  if (/title not captured/.test(beyond.summary)) {
    throw new Error(`tools/beyond-core.ts: ${beyond.method} ${beyond.path} needs a title`);
  }
  return beyond.summary;
}

function beyondCorePlan(
  beyond: BeyondCoreRow,
  input: BeyondCoreInput,
  entry: CatalogueEntry | undefined,
): Planned {
  const group = groupName(beyond.group);
  const pages = operationPages(beyond.notes);
  // The table lists some rows under another operation's page (Create KB article under Get
  // Articles); the page named after the summary wins when there are several.
  const slug = beyond.summary.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const page = pages.find((url) => url.endsWith(`/${slug}`)) ?? pages[pages.length - 1];
  const shape = beyond.schemaSource.split(" ")[0];
  const source: ContractSource =
    input.source ?? (page ? "reference-page" : shape !== "none" ? "response-shape" : "path-only");
  const pathParams = [...beyond.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  const query = input.query ?? [];
  const hasBody = beyond.method !== "GET" && beyond.method !== "DELETE";
  const body: OpenApiSchema = input.body ?? { type: "object" };
  const defaultSuccess = { GET: "200", POST: "201", PUT: "200", PATCH: "200", DELETE: "204" };
  const parameters = [
    ...pathParams,
    ...query.map((param) => `${param.name}${param.required ? "" : "?"}`),
    ...(hasBody ? ["body"] : []),
  ];
  return {
    row: {
      operationId: input.operationId,
      method: beyond.method,
      path: beyond.path,
      file: `scripts/${input.folder}/${snakeCase(input.operationId)}.ts`,
      signature: `main(${["auth", ...parameters].join(", ")})`,
      extraParameters: [],
      contentType: hasBody ? "application/json" : "",
      success: defaultSuccess[beyond.method],
      summary: titleOf(beyond, input),
    },
    operation: {
      operationId: input.operationId,
      summary: beyond.summary,
      parameters: [
        ...pathParams.map((name) => ({ name, in: "path", required: true })),
        ...query.map((param) => ({
          name: param.name,
          in: "query",
          required: param.required ?? false,
          schema: param.schema,
        })),
      ],
      requestBody: hasBody ? { content: { "application/json": { schema: body } } } : undefined,
    },
    entry,
    contract: {
      group,
      source,
      ...(input.fieldsSource ? { fieldsSource: input.fieldsSource } : {}),
      ...(shape && shape !== "none" ? { responseShape: shape } : {}),
      reference: page ?? input.reference ?? GROUP_PAGES[group],
      roles: input.roles,
    },
  };
}

/** getUsers → GetUsers; get-bulk-operation-by-id → GetBulkOperationById. */
function pascalCase(id: string): string {
  return id
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** GetUsersTeams → get_users_teams, as operations.tsv names files. */
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/-/g, "_")
    .toLowerCase();
}

function catalogueRow(entry: CatalogueEntry): Row {
  const folder = CATALOGUE_FOLDERS[entry.resource];
  if (folder === undefined) {
    throw new Error(`tools/overrides.ts CATALOGUE_FOLDERS lacks resource ${entry.resource}`);
  }
  const operationId = pascalCase(entry.id);
  const parameters = [
    ...entry.pathParams.map((param) => param.name),
    ...entry.queryParams.map((param) => `${param.name}${param.required ? "" : "?"}`),
    ...(entry.hasJsonBody ? [entry.bodyIsArray ? "body[]" : "body"] : []),
  ];
  const defaultSuccess = { GET: "200", POST: "201", PUT: "200", PATCH: "200", DELETE: "204" };
  const method = entry.method as Endpoint["method"];
  return {
    operationId,
    method,
    path: entry.path,
    file: `scripts/${folder}/${snakeCase(operationId)}.ts`,
    signature: `main(${["auth", ...parameters].join(", ")})`,
    extraParameters: (EXTRA_QUERY[operationId] ?? []).map((extra) => `${extra.name}?`),
    contentType: entry.hasJsonBody ? "application/json" : "",
    success: defaultSuccess[method],
    summary: entry.title,
  };
}

/** The catalogue's field types are TypeScript-like text: string | null, string[], object. */
function catalogueFieldSchema(field: CatalogueField): OpenApiSchema {
  const nullable = /\|\s*null$/.test(field.type);
  const base = field.type.replace(/\s*\|\s*null$/, "").trim();
  const schema: OpenApiSchema =
    base === "string[]"
      ? { type: "array", items: { type: "string" } }
      : base === "object"
        ? { type: "object" }
        : { type: base === "number" ? "number" : base === "boolean" ? "boolean" : "string" };
  if (field.enum) {
    schema.enum = field.enum;
  }
  if (nullable) {
    schema.nullable = true;
  }
  return schema;
}

function catalogueOperation(entry: CatalogueEntry): OpenApiOperation {
  const parameters: OpenApiParameter[] = [
    ...entry.pathParams.map((param) => ({ name: param.name, in: "path", required: true })),
    ...entry.queryParams.map((param) => ({
      name: param.name,
      in: "query",
      required: param.required ?? false,
      schema: catalogueFieldSchema(param),
    })),
  ];
  if (entry.bodySchemaFile !== undefined) {
    const schema: OpenApiSchema = JSON.parse(
      readFileSync(join(SHARED_DIR, entry.bodySchemaFile), "utf8"),
    );
    return {
      operationId: pascalCase(entry.id),
      summary: entry.title,
      parameters,
      requestBody: { content: { "application/json": { schema } } },
      bodySource: entry.bodySchemaFile,
    };
  }
  const fields = entry.bodyFields ?? [];
  const object: OpenApiSchema = {
    type: "object",
    properties: Object.fromEntries(
      fields.map((field) => [field.name, catalogueFieldSchema(field)]),
    ),
    required: fields.filter((field) => field.required).map((field) => field.name),
  };
  const schema = entry.bodyIsArray ? { type: "array", items: object } : object;
  return {
    operationId: pascalCase(entry.id),
    summary: entry.title,
    parameters,
    requestBody: entry.hasJsonBody ? { content: { "application/json": { schema } } } : undefined,
  };
}

function findOperation(
  spec: { paths: { [path: string]: { [method: string]: OpenApiOperation } } },
  row: { method: string; path: string },
) {
  const path = row.path.replace(/^\/v1/, "");
  // The spec writes one path Express-style: /messages/externalid=:externalId.
  const operation = (spec.paths[path] ?? spec.paths[path.replace(/\{(\w+)\}/g, ":$1")])?.[
    row.method.toLowerCase()
  ];
  if (!operation) {
    throw new Error(`${row.method} ${row.path} is not in openapi-core.json`);
  }
  return operation;
}

/** Parses `main(auth, id, replace?, body[])` into its parameters. */
function parseSignature(signature: string, path: string): Parameter[] {
  const inner = /^main\((.*)\)$/.exec(signature)?.[1] ?? "";
  const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  return inner
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "auth")
    .map((part) => {
      const name = part.replace(/[?[\]]/g, "");
      const location = name === "body" ? "body" : pathNames.includes(name) ? "path" : "query";
      return { name, optional: part.endsWith("?"), location, isArray: part.endsWith("[]") };
    });
}

/** Converts an OpenAPI schema into an inline TypeScript type that Windmill's parser renders. */
export function toTypeScript(schema: OpenApiSchema, indent = ""): string {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length === 1 && !schema.properties) {
    const only = variants[0] ?? {};
    return toTypeScript({ ...only, nullable: only.nullable || schema.nullable }, indent);
  }
  if (variants && !schema.properties && (!schema.type || schema.type === "object")) {
    // Windmill renders a union as an untyped field. When every shape is an object, the form shows
    // one object with every shape's fields (required only where all shapes require them);
    // otherwise it shows the first shape. The local check still requires one exact shape.
    const shapes = variants.map(flattenAllOf);
    const objects = shapes.every(
      (variant) => (variant.type === "object" || !variant.type) && variant.properties,
    );
    return objects
      ? toTypeScript(mergeObjectShapes(shapes, schema.nullable), indent)
      : toTypeScript(variants[0] ?? {}, indent);
  }
  const nullable = schema.nullable ? " | null" : "";
  if (schema["x-custom-attributes"]) {
    return `{ [attribute: string]: string | number | boolean | null }${nullable}`;
  }
  const stringEnum = schema.enum?.every((value) => typeof value === "string");
  if (schema.enum && (schema.type === "string" || (!schema.type && stringEnum))) {
    return schema.enum.map((value) => JSON.stringify(value)).join(" | ") + nullable;
  }
  switch (schema.type) {
    case "string":
      return `string${nullable}`;
    case "number":
    case "integer":
      return `number${nullable}`;
    case "boolean":
      return `boolean${nullable}`;
    case "array": {
      const item = toTypeScript(schema.items ?? {}, indent);
      return `${/[|]/.test(item) && !item.startsWith("{") ? `(${item})` : item}[]${nullable}`;
    }
    default:
      return toObjectType(schema, indent) + nullable;
  }
}

/** { allOf: [a, b] } as one object with the fields and required fields of both. */
function flattenAllOf(schema: OpenApiSchema): OpenApiSchema {
  if (!schema.allOf) {
    return schema;
  }
  const parts = schema.allOf.map(flattenAllOf);
  return {
    type: "object",
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => part.required ?? []),
  };
}

function mergeObjectShapes(variants: OpenApiSchema[], nullable?: boolean): OpenApiSchema {
  const properties: { [field: string]: OpenApiSchema } = {};
  for (const variant of variants) {
    for (const [field, value] of Object.entries(variant.properties ?? {})) {
      const seen = properties[field];
      // The same field with different allowed values in each shape (a draft's channel): the form
      // offers all of them.
      properties[field] =
        seen?.enum && value.enum
          ? { ...seen, enum: [...new Set([...seen.enum, ...value.enum])] }
          : (seen ?? value);
    }
  }
  const required = Object.keys(properties).filter((field) =>
    variants.every((variant) => variant.required?.includes(field)),
  );
  return { type: "object", properties, required, nullable };
}

function toObjectType(schema: OpenApiSchema, indent: string): string {
  const fields = Object.entries(schema.properties ?? {});
  if (fields.length === 0) {
    // A free-form object: an index signature renders as a JSON editor in Windmill.
    return "{ [key: string]: unknown }";
  }
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = fields.map(([field, fieldSchema]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : JSON.stringify(field);
    const comment = fieldComment(fieldSchema);
    return `${comment ? `${inner}/** ${comment} */\n` : ""}${inner}${key}${required.has(field) ? "" : "?"}: ${toTypeScript(fieldSchema, inner)};`;
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** A short comment for what the TypeScript type cannot say (numeric choices, other shapes). */
function fieldComment(schema: OpenApiSchema): string {
  if (schema.enum && schema.type !== "string") {
    return `One of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}.`;
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 1 && !schema.properties) {
    return `Also accepted: ${variants
      .slice(1)
      .map((variant) => toTypeScript(variant).replace(/\s+/g, " "))
      .join(" or ")}.`;
  }
  if (schema.description && schema.description.length < 120 && !schema.description.includes("*/")) {
    return schema.description.replace(/\s+/g, " ").trim();
  }
  return "";
}

/** Keeps the keywords the local check uses (resources/kustomer.ts kustomerValidate). */
export function toLocalSchema(schema: OpenApiSchema): KustomerSchema {
  const local: KustomerSchema = {};
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length === 1 && !schema.properties) {
    // One shape "or null": check the shape itself, so a message names the field at fault.
    const only = variants[0] ?? {};
    return toLocalSchema({
      ...schema,
      anyOf: undefined,
      oneOf: undefined,
      ...only,
      nullable: only.nullable || schema.nullable,
    });
  }
  if (schema.allOf) {
    return toLocalSchema(
      Object.assign({}, ...schema.allOf.map((part) => part), { ...schema, allOf: undefined }),
    );
  }
  if (schema.type) {
    local.type = schema.type as KustomerSchema["type"];
  }
  if (schema.nullable) {
    local.nullable = true;
  }
  if (schema.enum) {
    local.enum = schema.enum;
  }
  if (variants) {
    local.anyOf = variants.map(toLocalSchema);
  }
  for (const keyword of [
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "maxProperties",
  ] as const) {
    if (schema[keyword] !== undefined) {
      (local as { [keyword: string]: unknown })[keyword] = schema[keyword];
    }
  }
  if (schema.properties) {
    local.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([field, value]) => [field, toLocalSchema(value)]),
    );
  }
  if (schema.required && schema.required.length > 0) {
    local.required = schema.required;
  }
  if (schema.additionalProperties === false) {
    local.additionalProperties = false;
  }
  if (schema.items) {
    local.items = toLocalSchema(schema.items);
  }
  if (schema["x-custom-attributes"]) {
    local.customAttributes = true;
  }
  return local;
}

/** Writes the schema with one top-level field per line so a reader can find a field quickly. */
function formatLocalSchema(schema: KustomerSchema): string {
  const target = schema.type === "array" && schema.items ? schema.items : schema;
  const { properties, ...rest } = target;
  if (!properties) {
    return JSON.stringify(schema);
  }
  const fieldLines = Object.entries(properties).map(
    ([field, value]) => `    ${JSON.stringify(field)}: ${JSON.stringify(value)},`,
  );
  const objectText = `{\n  ${JSON.stringify(rest).slice(1, -1)}${Object.keys(rest).length > 0 ? ",\n  " : ""}"properties": {\n${fieldLines.join("\n")}\n  },\n}`;
  if (target === schema) {
    return objectText;
  }
  const { items: _items, ...arrayRest } = schema;
  return `{ ${JSON.stringify(arrayRest).slice(1, -1)}, "items": ${objectText.replace(/\n/g, "\n  ")} }`;
}

function rolesOf(entry: CatalogueEntry | undefined): string[] {
  // The catalogue copies some role names with Markdown emphasis (org.admin**); drop it.
  const clean = (role: string) => role.replace(/\*/g, "");
  const permission = (entry?.roles?.permissionSet ?? []).map(clean);
  const legacy = (entry?.roles?.legacy ?? []).map((role) => `${clean(role)} (legacy)`);
  return [...permission, ...legacy];
}

function referenceOf(entry: CatalogueEntry | undefined, row: Row, core: boolean): string {
  const official = entry?.sources?.find((source) =>
    source.startsWith("https://developer.kustomer.com/"),
  );
  if (official) {
    return official;
  }
  if (!core && entry) {
    // Access management pages live in the older reference, named by operation id:
    // https://developer.kustomer.com/kustomer-api-docs/reference/getusers
    return `https://developer.kustomer.com/kustomer-api-docs/reference/${entry.id.toLowerCase()}`;
  }
  const slug = row.summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `https://developer.kustomer.com/api/core-resources/${slug}`;
}

function wrap(text: string, width: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") {
    lines.push(line);
  }
  return lines;
}

function queryType(parameter: OpenApiParameter | undefined): string {
  const schema = parameter?.schema ?? { type: "string" };
  return toTypeScript({ ...schema, nullable: false });
}

/**
 * The local rule for a query value, when it says more than "a string": allowed values, a number
 * or boolean type, a range. Plain strings need no check.
 */
function queryRule(name: string, schema: OpenApiSchema, path: string): KustomerSchema | undefined {
  const rule = toLocalSchema({ ...schema, nullable: false });
  delete rule.nullable;
  if ((name === "page" || name === "pageSize") && rule.minimum === undefined) {
    // Pages count from 1 (developer.kustomer.com/docs/concepts/pagination); the spec omits it.
    rule.minimum = 1;
  }
  if (name === "pageSize" && rule.maximum === undefined) {
    rule.maximum = maxPageSize(path);
  }
  const saysMore =
    rule.enum !== undefined ||
    rule.minimum !== undefined ||
    rule.maximum !== undefined ||
    (rule.type !== undefined && rule.type !== "string");
  return saysMore ? rule : undefined;
}

/**
 * The largest page Kustomer serves (developer.kustomer.com/docs/concepts/pagination, api-facts
 * §5.4): 500 for users, teams and search, 1,000 for conversation times, 100 for the other lists.
 */
function maxPageSize(path: string): number {
  if (/^\/v1\/(users|teams)\b|\/search$/.test(path)) {
    return 500;
  }
  return /^\/v1\/conversations\/times\b/.test(path) ? 1000 : 100;
}

function wireName(name: string, extras: ExtraQuery[]): string {
  return extras.find((extra) => extra.name === name)?.wire ?? name;
}

/** `name`, or `"filter[objectType]": filterObjectType` when the wire name differs. */
function wireEntry(name: string, extras: ExtraQuery[]): string {
  const wire = extras.find((extra) => extra.name === name)?.wire;
  return wire === undefined ? name : `${JSON.stringify(wire)}: ${name}`;
}

/**
 * The JSON body schema, if the operation takes one. The spec gives PATCH /v1/conversations/{id}
 * the type application/json-patch+json, but its schema is an object of attributes to change (a
 * merge), not an RFC 6902 list of operations, exactly like PATCH /v1/customers/{id}; the script
 * sends that object as application/json, like every other Kustomer update.
 */
function jsonBodyOf(endpoint: Row, operation: OpenApiOperation): OpenApiSchema | undefined {
  if (!endpoint.contentType.startsWith("application/json")) {
    return undefined; // no body, or the unmasking windows' empty text/plain body
  }
  return (
    operation.requestBody?.content[endpoint.contentType]?.schema ??
    MISSING_BODY_SCHEMAS[endpoint.operationId]
  );
}

/** Where the body rules come from, for the comment above BODY_SCHEMA. */
function bodyOrigin(endpoint: Endpoint, bodySchema: OpenApiSchema): string {
  if (endpoint.source === "openapi") {
    return endpoint.group === "Core resources"
      ? "from its official OpenAPI"
      : "from its OpenAPI as the kustomer-client catalogue records it";
  }
  if (Object.keys(bodySchema.properties ?? {}).length === 0) {
    return "as far as known: any JSON object (no source documents its fields)";
  }
  return "as far as its reference page documents it (other fields are let through)";
}

/**
 * The doc comment of a generated parameter, which both the Windmill form (as the field's
 * description) and `--help` show: the spec's own description when it has one, else what we know
 * (paging from developer.kustomer.com/docs/concepts/pagination, what an update does with blank
 * fields). undefined when there is nothing worth saying.
 */
function parameterDoc(
  endpoint: Endpoint,
  parameter: Parameter,
  spec: OpenApiParameter | undefined,
  hasReplace: boolean,
): string | undefined {
  if (parameter.name === "page" && parameter.location === "query") {
    return "Which page to return, counting from 1 (default 1); links.next in the answer gives the next.";
  }
  if (parameter.name === "pageSize" && parameter.location === "query") {
    const rule = spec?.schema ? queryRule("pageSize", spec.schema, endpoint.path) : undefined;
    const most = rule?.maximum ?? maxPageSize(endpoint.path);
    return `How many records a page holds, at most ${most}.`;
  }
  if (parameter.name === "replace" && parameter.location === "query") {
    // The spec's own words ("Set to `true` to update the document") hide what true costs.
    return "true replaces the whole record: every field you do not send is erased. Leave it empty (false) to change only the fields sent, like a PATCH.";
  }
  if (parameter.location === "body") {
    if (endpoint.method === "PUT" || endpoint.method === "PATCH") {
      const replace = hasReplace ? " (unless replace is true)" : "";
      return `Only the fields you fill are sent: the others keep their values${replace}. null clears a field, and null on a list empties it.`;
    }
    return endpoint.method === "POST" ? "Fields left empty are not sent." : undefined;
  }
  const said = spec?.description?.replace(/\s+/g, " ").replace(/\*\//g, "* /").trim();
  if (said) {
    return said;
  }
  if (parameter.name === "id" && parameter.location === "path") {
    const segment = /\/([^/{}]+)\/\{id\}/.exec(endpoint.path)?.[1] ?? "";
    const thing = /s$/.test(segment)
      ? segment
          .replace(/ies$/, "y")
          .replace(/sses$/, "ss")
          .replace(/([^s])s$/, "$1")
          .replace(/[-_]/g, " ")
      : "";
    return thing
      ? `Kustomer's id of the ${thing}.`
      : `Kustomer's id of the record (the {id} in ${endpoint.path}).`;
  }
  return undefined;
}

/** A parameter's doc comment lines (two-space indented), or none. */
function docLines(doc: string | undefined): string[] {
  if (!doc) {
    return [];
  }
  const lines = wrap(doc, 92);
  return lines.length === 1
    ? [`  /** ${lines[0]} */`]
    : ["  /**", ...lines.map((line) => `   * ${line}`), "   */"];
}

/**
 * A script's header doc comment: title, description, then the route, the roles, the reference
 * and any further trailer lines (the contract of an endpoint script).
 */
function docComment(
  endpoint: Endpoint,
  title: string,
  description: string,
  trailer: string[],
): string[] {
  const roles =
    endpoint.roles.length > 0
      ? endpoint.roles.join(", ")
      : endpoint.source === "openapi"
        ? "none listed by Kustomer"
        : "not given by the sources we have";
  return [
    "/**",
    ` * ${title}`,
    " *",
    ...wrap(description, 96).map((line) => ` * ${line}`),
    " *",
    ` * ${endpoint.method} ${endpoint.path}`,
    ` * Roles (any one): ${roles}`,
    ` * Reference: ${endpoint.reference}`,
    ...trailer.map((line) => ` * ${line}`),
    " */",
  ];
}

/**
 * main's signature lines: auth, then each parameter with its doc comment, path values as text,
 * query values by their spec, the body by its schema. An optional parameter before a required
 * one is written `x: T | undefined`, since TypeScript allows `?` only at the end.
 */
function signatureOf(
  endpoint: Endpoint,
  parameters: Parameter[],
  specParameters: OpenApiParameter[],
  bodySchema: OpenApiSchema | undefined,
): string[] {
  const lastRequired = parameters.map((parameter) => !parameter.optional).lastIndexOf(true);
  const hasReplace = parameters.some((parameter) => parameter.name === "replace");
  const lines = ["  auth: Kustomer,"];
  for (const [index, parameter] of parameters.entries()) {
    const spec = specParameters.find((item) => item.name === parameter.name);
    const type =
      parameter.location === "body"
        ? toTypeScript(bodySchema ?? {}, "  ")
        : parameter.location === "path"
          ? "string"
          : queryType(spec);
    const optionalMark = parameter.optional ? (index < lastRequired ? "" : "?") : "";
    const optionalType = parameter.optional && index < lastRequired ? " | undefined" : "";
    lines.push(
      ...docLines(parameterDoc(endpoint, parameter, spec, hasReplace)),
      `  ${parameter.name}${optionalMark}: ${type}${optionalType},`,
    );
  }
  return lines;
}

/** The header's account of where the script's contract comes from, and what that leaves open. */
function contractLine(endpoint: Endpoint, bodySchema: OpenApiSchema | undefined): string {
  const parts = [CONTRACT_LABELS[endpoint.source]];
  if (endpoint.source !== "openapi") {
    if (bodySchema && Object.keys(bodySchema.properties ?? {}).length === 0) {
      parts.push("body: a free-form object (no source documents its fields)");
    } else if (endpoint.fieldsSource) {
      const what = bodySchema ? "body fields" : "query parameters";
      parts.push(
        endpoint.fieldsSource === endpoint.reference
          ? `${what} typed from that page`
          : `${what} typed from ${endpoint.fieldsSource}`,
      );
    }
    if (endpoint.responseShape) {
      parts.push(`response shape: ${endpoint.responseShape.replace(/\.json$/, "")}`);
    }
  }
  return parts.join("; ");
}

function renderScript(
  endpoint: Endpoint,
  operation: OpenApiOperation,
  description: string,
  sharedBlock: string,
): string {
  const extras = EXTRA_QUERY[endpoint.operationId] ?? [];
  const parameters = parametersOf(endpoint);
  const specParameters = specParametersOf(endpoint, operation);
  const body = jsonBodyOf(endpoint, operation);
  const bodySchema = body ? adjustBodySchema(endpoint.operationId, body) : undefined;
  const header = [
    "//native",
    ...docComment(endpoint, endpoint.summary, description, [
      `Contract: ${contractLine(endpoint, bodySchema)}`,
    ]),
  ];
  const signatureLines = signatureOf(endpoint, parameters, specParameters, bodySchema);
  const byLocation = (location: Parameter["location"]) =>
    parameters.filter((parameter) => parameter.location === location);
  const requestLines = [
    `    operation: ${JSON.stringify(endpoint.operationId)},`,
    `    method: ${JSON.stringify(endpoint.method)},`,
    `    path: ${JSON.stringify(endpoint.path)},`,
  ];
  if (byLocation("path").length > 0) {
    requestLines.push(
      `    pathParams: { ${byLocation("path")
        .map((parameter) => parameter.name)
        .join(", ")} },`,
    );
  }
  if (byLocation("query").length > 0) {
    requestLines.push(
      `    query: { ${byLocation("query")
        .map((parameter) => wireEntry(parameter.name, extras))
        .join(", ")} },`,
    );
  }
  const requiredQuery = [
    ...byLocation("query")
      .filter((parameter) => !parameter.optional)
      .map((parameter) => parameter.name),
    ...(REQUIRED_QUERY[endpoint.operationId] ?? []),
  ];
  const queryRules = byLocation("query").flatMap((parameter) => {
    const spec = specParameters.find((item) => item.name === parameter.name)?.schema;
    const rule = spec ? queryRule(parameter.name, spec, endpoint.path) : undefined;
    return rule
      ? [`${JSON.stringify(wireName(parameter.name, extras))}: ${JSON.stringify(rule)}`]
      : [];
  });
  if (queryRules.length > 0) {
    requestLines.push(`    querySchema: { ${queryRules.join(", ")} },`);
  }
  if (requiredQuery.length > 0) {
    requestLines.push(
      `    requiredQuery: [${requiredQuery.map((name) => JSON.stringify(name)).join(", ")}],`,
    );
  }
  if (byLocation("body").length > 0) {
    requestLines.push("    body,");
    if (bodySchema) {
      requestLines.push("    bodySchema: BODY_SCHEMA,");
    }
  }
  const schemaBlock = bodySchema
    ? [
        "",
        ...(operation.bodySource
          ? [
              "// What Kustomer accepts as the body, from its docs as recorded in",
              `// ../shared/kustomer/${operation.bodySource}`,
              "// (generated by tools/generate.ts, corrections in tools/overrides.ts); checked before",
              "// sending so that bad input fails with a message saying what to fix.",
            ]
          : [
              `// What Kustomer accepts as the body, ${bodyOrigin(endpoint, bodySchema)}`,
              "// (generated by tools/generate.ts); checked before sending so that bad input fails with a",
              "// message saying what to fix.",
            ]),
        "// biome-ignore format: one field per line is easier to scan",
        `const BODY_SCHEMA: KustomerSchema = ${formatLocalSchema(toLocalSchema(bodySchema))};`,
      ]
    : [];
  return [
    ...header,
    "export async function main(",
    ...signatureLines,
    ") {",
    "  return await kustomerRequest(auth, {",
    ...requestLines,
    "  });",
    "}",
    ...schemaBlock,
    "",
    sharedBlock,
    "",
    "if (import.meta.main) {",
    "  void kustomerCli(main, import.meta.path);",
    "}",
    "",
  ].join("\n");
}

/** The spec's parameters of an operation, with the extras the spec forgot (EXTRA_QUERY). */
function specParametersOf(endpoint: Endpoint, operation: OpenApiOperation) {
  return [
    ...(operation.parameters ?? []),
    ...(EXTRA_QUERY[endpoint.operationId] ?? []).map((extra) => ({
      name: extra.name,
      in: "query",
      schema: extra.schema,
    })),
  ];
}

/** The parameters main takes for an operation: its row's, then the optional extras. */
function parametersOf(endpoint: Endpoint): Parameter[] {
  const extras = EXTRA_QUERY[endpoint.operationId] ?? [];
  return [
    ...parseSignature(endpoint.signature, endpoint.path),
    ...extras.map(
      (extra): Parameter => ({
        name: extra.name,
        optional: true,
        location: "query",
        isArray: false,
      }),
    ),
  ];
}

/**
 * A list is a GET that pages with page and pageSize, or with a count and after/before cursor
 * (developer.kustomer.com/docs/concepts/pagination): its read-everything step follows links.next
 * from the first page at the largest page size.
 */
function listPaging(endpoint: Endpoint): ListPaging | undefined {
  const names = parametersOf(endpoint)
    .filter((parameter) => parameter.location === "query")
    .map((parameter) => parameter.name);
  if (endpoint.method !== "GET") {
    return undefined;
  }
  if (names.includes("page") && names.includes("pageSize")) {
    return PAGE_PAGING;
  }
  return ["count", "after", "before"].every((name) => names.includes(name))
    ? CURSOR_PAGING
    : undefined;
}

/**
 * How a list pages: its size parameter and the parameters its read-everything step leaves out
 * (links.next carries them). Most lists take page and pageSize; a few, like the audit log, take
 * count and the after/before ids of a cursor (developer.kustomer.com/docs/concepts/pagination).
 */
type ListPaging = { kind: "page" | "cursor"; size: string; omitted: string[] };
const PAGE_PAGING: ListPaging = { kind: "page", size: "pageSize", omitted: ["page", "pageSize"] };
const CURSOR_PAGING: ListPaging = {
  kind: "cursor",
  size: "count",
  omitted: ["count", "after", "before"],
};

/**
 * scripts/<folder>/list_all_<what>.ts for a list script: get_customers → list_all_customers,
 * get_all_schedules → list_all_schedules, list_ai_automations → list_all_ai_automations.
 */
export function listAllFile(listFile: string): string {
  return listFile.replace(/\/(?:get_all_|get_|list_|find_)?([a-z0-9_]+)\.ts$/, "/list_all_$1.ts");
}

/**
 * "Get customers" → "List all customers"; "List AI automations" → "List all AI automations";
 * "Query events associated with your organization" → "List all events associated with …".
 */
function listAllTitle(summary: string): string {
  return `List all ${summary.replace(/^(get|list|find|query)( all)?\s+/i, "")}`;
}

/** The largest page of a list: the spec's maximum when it gives one, else Kustomer's rule. */
function listPageSize(endpoint: Endpoint, operation: OpenApiOperation, paging: ListPaging): number {
  const extras = EXTRA_QUERY[endpoint.operationId] ?? [];
  const spec =
    operation.parameters?.find((item) => item.name === paging.size)?.schema ??
    extras.find((extra) => extra.name === paging.size)?.schema;
  return typeof spec?.maximum === "number" ? spec.maximum : maxPageSize(endpoint.path);
}

/**
 * A list's read-everything step: the list's own parameters but its paging ones, then maxRecords,
 * deadlineSeconds, rateShare and from, on the sync block's kustomerListAll. No //native line: it
 * runs on Bun, since what it gathers can outgrow the native runtime's 128 MiB isolate.
 */
function renderListAllScript(
  endpoint: Endpoint,
  operation: OpenApiOperation,
  paging: ListPaging,
  pageSize: number,
  blocks: string[],
): string {
  const extras = EXTRA_QUERY[endpoint.operationId] ?? [];
  const parameters = parametersOf(endpoint).filter(
    (parameter) => !paging.omitted.includes(parameter.name),
  );
  const specParameters = specParametersOf(endpoint, operation);
  const listFile = endpoint.file.replace(/^scripts\/[^/]+\//, "");
  const description = `Reads every page of GET ${endpoint.path} (${listFile}) as one flow step: follows links.next with the largest page size Kustomer allows here (${paging.kind === "cursor" ? `count ${pageSize}` : pageSize}), paced to the org's rate limit, until the last page, maxRecords or deadlineSeconds, and returns the records with \`complete\` and, when stopped early, \`next\`: pass it as \`from\` to go on where it stopped. Runs on Bun, not as //native: all pages can outgrow the native runtime's memory. Generated with ${listFile} by tools/generate.ts.`;
  const header = docComment(endpoint, listAllTitle(endpoint.summary), description, []);
  const signatureLines = signatureOf(endpoint, parameters, specParameters, undefined);
  signatureLines.push(
    "  /** Stop after this many records (default 10000); `next` then goes on from there. */",
    "  maxRecords?: number,",
    "  /** Stop after this many seconds; Windmill's job timeout is set a little beyond it. */",
    "  deadlineSeconds = 600,",
    "  /** The most of the org's rate limit this read takes (default 0.8). */",
    "  rateShare?: number,",
    "  /** The `next` an earlier call returned, to go on where it stopped. */",
    "  from?: string,",
  );
  const pathNames = parameters.filter((p) => p.location === "path").map((p) => p.name);
  const queryNames = parameters.filter((p) => p.location === "query").map((p) => p.name);
  const sourceParts = [
    ...(pathNames.length > 0 ? [`pathParams: { ${pathNames.join(", ")} }`] : []),
    ...(queryNames.length > 0
      ? [`query: { ${queryNames.map((name) => wireEntry(name, extras)).join(", ")} }`]
      : []),
  ];
  const queryRules = queryNames.flatMap((name) => {
    const spec = specParameters.find((item) => item.name === name)?.schema;
    const rule = spec ? queryRule(name, spec, endpoint.path) : undefined;
    return rule ? [`${JSON.stringify(wireName(name, extras))}: ${JSON.stringify(rule)}`] : [];
  });
  const source = [
    `operation: ${JSON.stringify(endpoint.operationId)}`,
    `path: ${JSON.stringify(endpoint.path)}`,
    `maxPageSize: ${pageSize}`,
    ...(paging.kind === "cursor" ? ['paging: "cursor"'] : []),
    ...(queryRules.length > 0 ? [`querySchema: { ${queryRules.join(", ")} }`] : []),
  ];
  const call =
    sourceParts.length > 0
      ? [
          "  return await kustomerListAll(",
          "    auth,",
          `    { ...SOURCE, ${sourceParts.join(", ")} },`,
          "    { maxRecords, deadlineSeconds, rateShare, from },",
          "  );",
        ]
      : [
          "  return await kustomerListAll(auth, SOURCE, { maxRecords, deadlineSeconds, rateShare, from });",
        ];
  return [
    ...header,
    "export async function main(",
    ...signatureLines,
    ") {",
    ...call,
    "}",
    "",
    "/** What this step reads (exported for the tests). */",
    `export const SOURCE: KustomerListSource = { ${source.join(", ")} };`,
    "",
    blocks.join("\n\n"),
    "",
    "if (import.meta.main) {",
    "  void kustomerCli(main, import.meta.path);",
    "}",
    "",
  ].join("\n");
}

/**
 * Every Core Resources operation (method, path, success status) and the local schema of each JSON
 * body, keyed by operationId: the sandbox routes and validates with these, the way the API does
 * (each script embeds its own body schema).
 */
function renderOperationsModule(planned: Planned[], endpoints: Endpoint[]): string {
  const routes: string[] = [];
  const coreIds = new Set(readOperationsTable().map((row) => row.operationId));
  const others = endpoints
    .filter((endpoint) => !coreIds.has(endpoint.operationId))
    .map(
      (endpoint) =>
        `  [${[endpoint.operationId, endpoint.method, endpoint.path].map((part) => JSON.stringify(part)).join(", ")}, ${Number(endpoint.success)}],`,
    )
    .sort();
  const schemas: string[] = [];
  const coreCount = readOperationsTable().length;
  for (const [index, { row, operation }] of planned.entries()) {
    if (index < coreCount) {
      routes.push(
        `  [${[row.operationId, row.method, row.path].map((part) => JSON.stringify(part)).join(", ")}, ${Number(row.success)}],`,
      );
    }
    const body = jsonBodyOf(row, operation);
    if (body) {
      const schema = toLocalSchema(adjustBodySchema(row.operationId, body));
      schemas.push(`  ${row.operationId}: ${JSON.stringify(schema)},`);
    }
  }
  return [
    "// Generated by tools/generate.ts from Kustomer's official OpenAPI and operation table: do not edit.",
    'import type { KustomerSchema } from "./kustomer.ts";',
    "",
    "/** [operationId, method, path, documented success status] of every Core Resources operation. */",
    "// biome-ignore format: one operation per line",
    'export const CORE_OPERATIONS: [string, "GET" | "POST" | "PUT" | "PATCH" | "DELETE", string, number][] = [',
    ...routes,
    "];",
    "",
    "/**",
    " * [operationId, method, path, success status] of every other operation the collection covers:",
    " * Access management, the bulk reads and the operations beyond them (tools/beyond-core.ts).",
    " */",
    "// biome-ignore format: one operation per line",
    'export const OTHER_OPERATIONS: [string, "GET" | "POST" | "PUT" | "PATCH" | "DELETE", string, number][] = [',
    ...others,
    "];",
    "",
    "/** The request-body rules of every operation in the collection that takes JSON. */",
    "// biome-ignore format: one operation per line",
    "export const BODY_SCHEMAS: { [operationId: string]: KustomerSchema } = {",
    ...schemas,
    "};",
    "",
  ].join("\n");
}

/** Everything the generator produces, keyed by path relative to the project root. */
export async function generate(): Promise<Map<string, string>> {
  const spec = JSON.parse(readFileSync(join(SHARED_DIR, "openapi-core.json"), "utf8"));
  const catalogue: CatalogueEntry[] = JSON.parse(
    readFileSync(join(SHARED_DIR, "endpoints.json"), "utf8"),
  );
  const sharedBlock = readSharedBlock();
  const listAllBlocks = [readSyncBlock(), readImportBlock(), sharedBlock];
  const descriptions = await loadDescriptions();
  const planned = planOperations(spec, catalogue);
  const coreCount = readOperationsTable().length;
  const outputs = new Map<string, string>();
  const endpoints: Endpoint[] = [];
  for (const [index, { row, operation, entry, contract }] of planned.entries()) {
    const description = descriptions.get(row.operationId);
    if (description === undefined) {
      continue;
    }
    const { reference, roles, ...known } = contract;
    const catalogueRoles = rolesOf(entry);
    const endpoint: Endpoint = {
      ...row,
      roles: catalogueRoles.length > 0 ? catalogueRoles : (roles ?? []),
      reference: reference ?? referenceOf(entry, row, index < coreCount),
      ...known,
    };
    const paging = listPaging(endpoint);
    if (paging) {
      const pageSize = listPageSize(endpoint, operation, paging);
      endpoint.listAll = {
        file: listAllFile(endpoint.file),
        maxPageSize: pageSize,
        ...(paging.kind === "cursor" ? { paging: "cursor" as const } : {}),
      };
      outputs.set(
        endpoint.listAll.file,
        renderListAllScript(endpoint, operation, paging, pageSize, listAllBlocks),
      );
    }
    endpoints.push(endpoint);
    outputs.set(endpoint.file, renderScript(endpoint, operation, description, sharedBlock));
  }
  const missing = [...descriptions.keys()].filter(
    (id) => !endpoints.some((endpoint) => endpoint.operationId === id),
  );
  if (missing.length > 0) {
    throw new Error(
      `tools/descriptions/ names operations the collection does not plan: ${missing.join(", ")}`,
    );
  }
  outputs.set("resources/operations.ts", renderOperationsModule(planned, endpoints));
  endpoints.sort((a, b) => a.file.localeCompare(b.file));
  outputs.set("tools/endpoints.json", `${JSON.stringify(endpoints, null, 2)}\n`);
  return await formatManyWithBiome(outputs);
}

if (import.meta.main) {
  if (!sharedAvailable()) {
    process.stderr.write(
      `Cannot generate: ${SHARED_DIR} (Kustomer's OpenAPI and operation table) is missing.\n`,
    );
    process.exit(2);
  }
  const outputs = await generate();
  for (const [file, text] of outputs) {
    await Bun.write(join(ROOT, file), text);
    process.stdout.write(`wrote ${file}\n`);
  }
  // The README's coverage table follows the endpoint table (tests/coverage.test.ts checks it).
  const endpoints: Endpoint[] = JSON.parse(outputs.get("tools/endpoints.json") ?? "[]");
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  await Bun.write(join(ROOT, "README.md"), withCoverageTable(readme, coverageTable(endpoints)));
  process.stdout.write("wrote the coverage table of README.md\n");
}

export { SHARED_END, SHARED_START };
