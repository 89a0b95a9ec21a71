// The oracle for request bodies: Kustomer's official OpenAPI in ../shared/kustomer/, read when it
// is present (a user's clone has no ../shared, and these checks then skip with a visible note).
import { expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const SPEC_PATH = join(
  import.meta.dir,
  "..",
  "..",
  "..",
  "shared",
  "kustomer",
  "openapi-core.json",
);

export const officialSpecAvailable = existsSync(SPEC_PATH);

// One visible note for the whole run (this module is loaded once), rather than a skipped test per
// script: Bun prints each skipped test again in its end-of-run summary, so skips came out twice.
if (!officialSpecAvailable) {
  console.warn(
    `NOTE: skipped: ${SPEC_PATH} not found, so request bodies are not checked against Kustomer's official schema`,
  );
}

/** A test that needs Kustomer's official OpenAPI: registered only when the file is there. */
export function testWithOfficialSpec(name: string, check: () => Promise<void> | void): void {
  if (officialSpecAvailable) {
    test(name, check);
  }
}

type Json = { [key: string]: unknown };

let spec: { paths: { [path: string]: { [method: string]: Json } } } | undefined;

function loadSpec() {
  spec ??= JSON.parse(readFileSync(SPEC_PATH, "utf8"));
  return spec as NonNullable<typeof spec>;
}

/**
 * OpenAPI 3.0 writes "or null" as nullable: true; JSON Schema wants it in the type. One known spec
 * defect is relaxed: `custom` is declared with no properties and additionalProperties: false,
 * which would reject every custom attribute the docs describe.
 */
function toJsonSchema(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) {
    return node.map((item) => toJsonSchema(item));
  }
  if (node === null || typeof node !== "object") {
    return node;
  }
  const schema: Json = {};
  for (const [field, value] of Object.entries(node)) {
    schema[field] =
      field === "properties" ? mapProperties(value as Json) : toJsonSchema(value, field);
  }
  if (schema.nullable === true) {
    if (typeof schema.type === "string") {
      schema.type = [schema.type, "null"];
    }
    if (Array.isArray(schema.enum)) {
      schema.enum = [...schema.enum, null];
    }
  }
  const nullableWithoutType = schema.nullable === true && schema.type === undefined;
  delete schema.nullable;
  // `custom`, and free-form objects such as a tracking event's meta or metadata's properties, are
  // declared with no properties and additionalProperties: false, which would reject every entry;
  // tools/overrides.ts reads them as free-form for the same reason.
  if (
    schema.type === "object" &&
    !schema.properties &&
    !schema.anyOf &&
    !schema.oneOf &&
    (key === "custom" || schema.additionalProperties === false)
  ) {
    delete schema.additionalProperties;
  }
  // "One shape, or null" written as anyOf plus nullable, with no type of its own.
  return nullableWithoutType ? { anyOf: [schema, { type: "null" }] } : schema;
}

function mapProperties(properties: Json): Json {
  return Object.fromEntries(
    Object.entries(properties).map(([field, value]) => [field, toJsonSchema(value, field)]),
  );
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const format of [
  "email-relaxed",
  "phone-number",
  "whatsapp-number",
  "object-id",
  "url",
  "date-time-math",
  "send-at",
  "domain-name",
]) {
  ajv.addFormat(format, true);
}

/** The official request-body schema of an operation, as JSON Schema. */
export function officialBodySchema(
  method: string,
  path: string,
  contentType = "application/json",
): Json {
  const operation = loadSpec().paths[path.replace(/^\/v1/, "")]?.[method.toLowerCase()] as
    | { requestBody?: { content: { [type: string]: { schema: unknown } } } }
    | undefined;
  // PATCH /conversations/{id} is declared application/json-patch+json (sent as JSON; see the script).
  const content = operation?.requestBody?.content ?? {};
  const schema = (content[contentType] ?? content["application/json-patch+json"])?.schema;
  if (!schema) {
    throw new Error(`no ${contentType} body schema for ${method} ${path} in the official spec`);
  }
  return toJsonSchema(schema) as Json;
}

/**
 * Asserts that a captured body is what the official schema describes. `_clientRef` on bulk items
 * is documented in Kustomer's bulk guide but missing from the spec, so it is set aside first.
 */
export function expectOfficialBody(method: string, path: string, body: unknown): void {
  const schema = officialBodySchema(method, path);
  const comparable =
    path.endsWith("/bulk") && Array.isArray(body) ? body.map(withoutClientRef) : body;
  const validate = ajv.compile(schema);
  const valid = validate(comparable);
  expect(valid ? [] : validate.errors).toEqual([]);
}

function withoutClientRef(item: unknown): unknown {
  if (item === null || typeof item !== "object") {
    return item;
  }
  const { _clientRef: _ignored, ...rest } = item as Json;
  return rest;
}
