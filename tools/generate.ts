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
import { DESCRIPTIONS } from "./descriptions.ts";
import { adjustBodySchema } from "./overrides.ts";
import { formatWithBiome, readSharedBlock, SHARED_END, SHARED_START } from "./stamp.ts";

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
};

/** One row of the endpoint table (tools/endpoints.json): the contract each script fulfils. */
export type Endpoint = {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  file: string;
  signature: string;
  contentType: string;
  success: string;
  summary: string;
  roles: string[];
  reference: string;
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

function readOperationsTable(): Omit<Endpoint, "roles" | "reference">[] {
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
      contentType: contentType ?? "",
      success: success ?? "",
      summary: summary ?? "",
    };
  });
}

type CatalogueEntry = {
  method: string;
  path: string;
  roles?: { permissionSet?: string[]; legacy?: string[] };
  sources?: string[];
};

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
  if (variants && !schema.properties && !schema.type) {
    // Windmill renders a union as an untyped field, so the form shows the first shape; the local
    // check and Kustomer still accept every shape.
    return toTypeScript(variants[0] ?? {}, indent);
  }
  const nullable = schema.nullable ? " | null" : "";
  if (schema["x-custom-attributes"]) {
    return `{ [attribute: string]: string | number | boolean | null }${nullable}`;
  }
  if (schema.enum && schema.type === "string") {
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
  const permission = entry?.roles?.permissionSet ?? [];
  const legacy = (entry?.roles?.legacy ?? []).map((role) => `${role} (legacy)`);
  return [...permission, ...legacy];
}

function referenceOf(entry: CatalogueEntry | undefined, summary: string): string {
  const official = entry?.sources?.find((source) =>
    source.startsWith("https://developer.kustomer.com/"),
  );
  const slug = summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return official ?? `https://developer.kustomer.com/api/core-resources/${slug}`;
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

function renderScript(
  endpoint: Endpoint,
  operation: OpenApiOperation,
  description: string,
  sharedBlock: string,
): string {
  const parameters = parseSignature(endpoint.signature, endpoint.path);
  const specParameters = operation.parameters ?? [];
  const body =
    endpoint.contentType === "application/json"
      ? operation.requestBody?.content["application/json"]?.schema
      : undefined;
  const bodySchema = body ? adjustBodySchema(endpoint.operationId, body) : undefined;
  const header = [
    "//native",
    "/**",
    ` * ${endpoint.summary}`,
    " *",
    ...wrap(description, 96).map((line) => ` * ${line}`),
    " *",
    ` * ${endpoint.method} ${endpoint.path}`,
    ` * Roles (any one): ${endpoint.roles.length > 0 ? endpoint.roles.join(", ") : "none listed by Kustomer"}`,
    ` * Reference: ${endpoint.reference}`,
    " */",
  ];
  const lastRequired = parameters.map((parameter) => !parameter.optional).lastIndexOf(true);
  const signatureLines = ["  auth: Kustomer,"];
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
    signatureLines.push(`  ${parameter.name}${optionalMark}: ${type}${optionalType},`);
  }
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
        .map((parameter) => parameter.name)
        .join(", ")} },`,
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
        "// What Kustomer accepts as the body, from its official OpenAPI (generated by tools/generate.ts);",
        "// checked before sending so that bad input fails with a message saying what to fix.",
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

/**
 * Every Core Resources operation (method, path, success status) and the local schema of each JSON
 * body, keyed by operationId: the sandbox routes and validates with these, the way the API does
 * (each script embeds its own body schema).
 */
function renderOperationsModule(spec: {
  paths: { [path: string]: { [method: string]: OpenApiOperation } };
}): string {
  const routes: string[] = [];
  const schemas: string[] = [];
  for (const row of readOperationsTable()) {
    routes.push(
      `  [${[row.operationId, row.method, row.path].map((part) => JSON.stringify(part)).join(", ")}, ${Number(row.success)}],`,
    );
    const body = findOperation(spec, row).requestBody?.content["application/json"]?.schema;
    if (body && row.contentType === "application/json") {
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
    "/** The request-body rules of every Core Resources operation that takes JSON. */",
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
  const outputs = new Map<string, string>();
  const endpoints: Endpoint[] = [];
  for (const row of readOperationsTable()) {
    const description = DESCRIPTIONS[row.operationId];
    if (description === undefined) {
      continue;
    }
    const operation = findOperation(spec, row);
    const entry = catalogue.find((item) => item.method === row.method && item.path === row.path);
    const endpoint: Endpoint = {
      ...row,
      roles: rolesOf(entry),
      reference: referenceOf(entry, row.summary),
    };
    endpoints.push(endpoint);
    outputs.set(
      endpoint.file,
      await formatWithBiome(
        renderScript(endpoint, operation, description, sharedBlock),
        endpoint.file,
      ),
    );
  }
  const missing = Object.keys(DESCRIPTIONS).filter(
    (id) => !endpoints.some((endpoint) => endpoint.operationId === id),
  );
  if (missing.length > 0) {
    throw new Error(
      `tools/descriptions.ts names operations that operations.tsv lacks: ${missing.join(", ")}`,
    );
  }
  const operationsModule = renderOperationsModule(spec);
  outputs.set(
    "resources/operations.ts",
    await formatWithBiome(operationsModule, "resources/operations.ts"),
  );
  endpoints.sort((a, b) => a.file.localeCompare(b.file));
  const table = `${JSON.stringify(endpoints, null, 2)}\n`;
  outputs.set("tools/endpoints.json", await formatWithBiome(table, "tools/endpoints.json"));
  return outputs;
}

if (import.meta.main) {
  if (!sharedAvailable()) {
    process.stderr.write(
      `Cannot generate: ${SHARED_DIR} (Kustomer's OpenAPI and operation table) is missing.\n`,
    );
    process.exit(2);
  }
  for (const [file, text] of await generate()) {
    await Bun.write(join(ROOT, file), text);
    process.stdout.write(`wrote ${file}\n`);
  }
}

export { SHARED_END, SHARED_START };
