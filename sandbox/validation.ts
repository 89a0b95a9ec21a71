// Request-body validation for the modelled operations, answering in Kustomer's error shape
// (400, errors[{ status, code, title, detail, source: { pointer } }]). Schemas come from
// schema-source.ts, keyed by operationId. Operations without a schema still get the checks every
// Kustomer write has: the body's shape, and custom attribute names with a type suffix.
import { errorObject, jsonPointer, type KustomerErrorObject } from "./errors.ts";
import {
  BODY_SCHEMAS,
  type BodySchema,
  type Problem,
  type ValidateValue,
  validateValue,
} from "./schema-source.ts";

/** Kustomer takes at most 100 records per bulk request (developer.kustomer.com/docs/guides/bulk-operations). */
export const BULK_LIMIT = 100;

const TAG_OPERATIONS = new Set(["AppendTagsToConversation", "RemoveTagsFromConversation"]);

const BASELINE_OBJECT: BodySchema = {
  type: "object",
  properties: { custom: { type: "object", customAttributes: true } },
};

const BASELINE_TAGS: BodySchema = { type: "array", items: { type: "string" } };

export type BodyValidator = {
  /** Problems with a whole request body; for a bulk body only the list itself is checked. */
  validateBody(operationId: string, body: unknown): KustomerErrorObject[];
  /** Problems with one bulk item; pointers are relative to the whole body (/3/name). */
  validateBulkItem(operationId: string, item: unknown, index: number): KustomerErrorObject[];
};

export function isBulkOperation(operationId: string): boolean {
  return operationId.startsWith("Bulk");
}

export function createBodyValidator(
  schemas: { [operationId: string]: BodySchema },
  validate: ValidateValue,
): BodyValidator {
  return {
    validateBody(operationId, body) {
      if (body === undefined) {
        const shape = isBulkOperation(operationId) ? "a JSON array" : "a JSON object";
        return [errorObject(400, "bad_request", `request body is required: send ${shape}`)];
      }
      if (isBulkOperation(operationId)) {
        return checkBulkList(body);
      }
      const schema =
        schemas[operationId] ?? (TAG_OPERATIONS.has(operationId) ? BASELINE_TAGS : BASELINE_OBJECT);
      return validate(schema, body).map((problem) => toErrorObject(problem, []));
    },

    validateBulkItem(operationId, item, index) {
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        return [itemError(index, "each bulk item must be a JSON object")];
      }
      // The generated item schemas carry _clientRef (from Kustomer's bulk guide), so it is checked too.
      const schema = schemas[operationId]?.items ?? BASELINE_OBJECT;
      return validate(schema, item).map((problem) => toErrorObject(problem, [index]));
    },
  };
}

function checkBulkList(body: unknown): KustomerErrorObject[] {
  if (!Array.isArray(body)) {
    return [errorObject(400, "bad_request", "a bulk request body must be a JSON array of items")];
  }
  if (body.length === 0) {
    return [errorObject(400, "bad_request", "the bulk request has no items: send 1 to 100")];
  }
  if (body.length > BULK_LIMIT) {
    return [
      errorObject(
        400,
        "bad_request",
        `the bulk request has ${body.length} items; Kustomer takes at most ${BULK_LIMIT} per bulk request: split the list into chunks of ${BULK_LIMIT}`,
        { source: { pointer: "" }, meta: { keyword: "maxItems", limit: BULK_LIMIT } },
      ),
    ];
  }
  return [];
}

function itemError(index: number, detail: string): KustomerErrorObject {
  return errorObject(400, "bad_request", `/${index}: ${detail}`, {
    source: { pointer: `/${index}` },
  });
}

function toErrorObject(problem: Problem, prefix: (string | number)[]): KustomerErrorObject {
  const pointer = jsonPointer([...prefix, ...problem.path]);
  return errorObject(400, "bad_request", `${pointer || "body"} ${problem.message}`, {
    source: { pointer },
    meta: { keyword: problem.keyword },
  });
}

const defaultValidator = createBodyValidator(BODY_SCHEMAS, validateValue);

export const validateBody = defaultValidator.validateBody;
export const validateBulkItem = defaultValidator.validateBulkItem;
