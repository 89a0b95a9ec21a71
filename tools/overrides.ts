// Corrections to Kustomer's OpenAPI, each with the reason. The generator applies them before it
// writes a body type or a local validation schema, so the scripts accept what the API accepts.

import type { OpenApiSchema } from "./generate.ts";

export function adjustBodySchema(operationId: string, schema: OpenApiSchema): OpenApiSchema {
  const adjusted = markCustomAttributes(structuredClone(schema));
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
 * Bulk bodies: an empty array is a mistake worth catching before the call, and each item may carry
 * `_clientRef`, which Kustomer echoes in /v1/bulk/{id}/batches to match results to your rows
 * (https://developer.kustomer.com/docs/guides/bulk-operations) though the spec omits it.
 */
function adjustBulkBody(_operationId: string, schema: OpenApiSchema): OpenApiSchema {
  const items = schema.items ?? {};
  return {
    ...schema,
    minItems: 1,
    items: {
      ...items,
      properties: {
        _clientRef: {
          type: "string",
          description: "Your own reference for this item, echoed in the bulk results.",
        },
        ...items.properties,
      },
    },
  };
}
