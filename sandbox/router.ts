// Matches a request's method and raw path against the operation table. Path parameters are
// percent-decoded here, once: a client that encodes "+" in a phone number or "@" in an email
// (as it must, the value sits in the path) gets the decoded value in the handler.
import { OBJECT_ID } from "./ids.ts";
import type { Method, Operation } from "./operations.ts";

export type RouteMatch =
  | { kind: "operation"; operation: Operation; params: { [name: string]: string } }
  | { kind: "wrong-method"; allowed: Method[] }
  | { kind: "none" };

type CompiledRoute = {
  operation: Operation;
  pattern: RegExp;
  paramNames: string[];
  /** Characters outside {params}: a longer literal wins (/customers/bulk over /customers/{id}). */
  literalLength: number;
  guard?: { [param: string]: RegExp };
};

/**
 * Kustomer documents GET/PUT/DELETE /v1/klasses/{id} (a klass) and GET /v1/klasses/{name} (that
 * klass's KObjects) on the same path shape. A 24-hex value is an id; anything else is a name.
 */
const PARAM_GUARDS: { [operationId: string]: { [param: string]: RegExp } } = {
  // GET /v1/users/{ids} (several users) and GET /v1/users/{id} share a shape: a list has a comma.
  GetMultipleUsersByIds: { ids: /,/ },
  GetKlass: { id: OBJECT_ID },
  UpdateKlass: { id: OBJECT_ID },
  DeleteKlass: { id: OBJECT_ID },
};

function compile(operation: Operation): CompiledRoute {
  const paramNames: string[] = [];
  let literalLength = 0;
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((piece) => {
      if (piece.startsWith("{") && piece.endsWith("}")) {
        paramNames.push(piece.slice(1, -1));
        return "([^/]+)";
      }
      literalLength += piece.length;
      return piece.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    })
    .join("");
  const guard = PARAM_GUARDS[operation.operationId];
  return {
    operation,
    pattern: new RegExp(`^${source}$`),
    paramNames,
    literalLength,
    ...(guard ? { guard } : {}),
  };
}

function segmentCount(path: string): number {
  let count = 0;
  for (let index = 0; index < path.length; index++) {
    if (path.charCodeAt(index) === 47) {
      count++;
    }
  }
  return count;
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export type Router = (method: string, pathname: string) => RouteMatch;

export function createRouter(operations: readonly Operation[]): Router {
  // Routes grouped by the number of "/" in their path: a parameter never spans a "/", so a
  // request only needs to be tried against routes of its own depth.
  const byDepth = new Map<number, CompiledRoute[]>();
  for (const route of operations.map(compile)) {
    const depth = segmentCount(route.operation.path);
    const list = byDepth.get(depth) ?? [];
    list.push(route);
    byDepth.set(depth, list);
  }
  for (const list of byDepth.values()) {
    list.sort(
      (a, b) =>
        b.literalLength - a.literalLength || Number(Boolean(b.guard)) - Number(Boolean(a.guard)),
    );
  }

  return (method, pathname) => {
    const candidates = byDepth.get(segmentCount(pathname)) ?? [];
    const allowed: Method[] = [];
    for (const route of candidates) {
      const found = route.pattern.exec(pathname);
      if (!found) {
        continue;
      }
      const params: { [name: string]: string } = {};
      route.paramNames.forEach((name, index) => {
        params[name] = decodeParam(found[index + 1] ?? "");
      });
      if (route.guard && !passesGuard(route.guard, params)) {
        continue;
      }
      if (route.operation.method === method) {
        return { kind: "operation", operation: route.operation, params };
      }
      allowed.push(route.operation.method);
    }
    return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "none" };
  };
}

function passesGuard(
  guard: { [param: string]: RegExp },
  params: { [name: string]: string },
): boolean {
  return Object.entries(guard).every(([name, pattern]) => pattern.test(params[name] ?? ""));
}
