// Where the sandbox gets request-body schemas and the validator that applies them: the project's
// own generated schemas (resources/operations.ts, from Kustomer's official OpenAPI) and validator
// (resources/kustomer.ts), so the sandbox rejects exactly what the scripts reject locally.
// validation.ts takes both through createBodyValidator(), so tests can pass their own.
import type { KustomerProblem, KustomerSchema } from "../resources/kustomer.ts";

export { kustomerValidate as validateValue } from "../resources/kustomer.ts";
export { BODY_SCHEMAS } from "../resources/operations.ts";

export type BodySchema = KustomerSchema;
export type Problem = KustomerProblem;
export type ValidateValue = (schema: BodySchema, value: unknown) => Problem[];
