// Klasses (custom object types) and their KObjects. A KObject's klass must exist first, as in
// Kustomer: POST /v1/klasses { name: "order" } before POST /v1/klasses/order.
import { type HandlerTable, objectBody, param } from "../context.ts";
import { badRequest, conflict, notFound } from "../errors.ts";
import { createRecord, findByExternalId, requireRecord, updateRecord } from "../records.ts";
import { COMPANIES, CUSTOMERS, type Kind, KLASSES, kobjectKind, single } from "../resources.ts";
import type { Doc, Store } from "../store.ts";
import { listReply, relatedTo, updatedSince } from "./lists.ts";

export const klassHandlers: HandlerTable = {
  CreateKlass: (context) => {
    const body = objectBody(context);
    if (typeof body.name !== "string" || body.name === "") {
      throw badRequest(
        "/name is required: the klass name KObjects are filed under (e.g. order)",
        "/name",
      );
    }
    assertFreeKlassName(context.store, body.name);
    return { body: single(KLASSES, createRecord(context.store, KLASSES, body)) };
  },

  GetKlasses: (context) => {
    const status = context.query.get("status") ?? "enabled";
    const klasses = context.store
      .list(KLASSES.collection)
      .filter((doc) => doc.attributes.status === status);
    return listReply(context, KLASSES, klasses);
  },

  GetKlass: (context) => ({
    body: single(KLASSES, requireRecord(context.store, KLASSES, param(context, "id"))),
  }),

  UpdateKlass: (context) => {
    const doc = requireRecord(context.store, KLASSES, param(context, "id"));
    const body = objectBody(context);
    if (body.name !== undefined && body.name !== doc.attributes.name) {
      assertFreeKlassName(context.store, body.name);
    }
    return { body: single(KLASSES, updateRecord(context.store, KLASSES, doc, body)) };
  },

  DeleteKlass: (context) => {
    const doc = requireRecord(context.store, KLASSES, param(context, "id"));
    context.store.remove(KLASSES.collection, doc.id);
    return { status: 204 };
  },

  CreateKObject: (context) => {
    const kind = klassKind(context.store, param(context, "name"));
    return { body: single(kind, createRecord(context.store, kind, objectBody(context))) };
  },

  GetKObjects: (context) => {
    const kind = klassKind(context.store, param(context, "name"));
    return listReply(context, kind, updatedSince(context, context.store.list(kind.collection)));
  },

  GetKObject: (context) => {
    const kind = klassKind(context.store, param(context, "name"));
    return { body: single(kind, requireRecord(context.store, kind, param(context, "id"))) };
  },

  getKlassesByNameAndExternalId: (context) => {
    const kind = klassKind(context.store, param(context, "name"));
    return {
      body: single(kind, findByExternalId(context.store, kind, param(context, "externalId"))),
    };
  },

  UpdateKObject: (context) => {
    const kind = klassKind(context.store, param(context, "name"));
    const doc = requireRecord(context.store, kind, param(context, "id"));
    return { body: single(kind, updateRecord(context.store, kind, doc, objectBody(context))) };
  },

  DeleteKObject: (context) => {
    const kind = klassKind(context.store, param(context, "name"));
    const doc = requireRecord(context.store, kind, param(context, "id"));
    context.store.remove(kind.collection, doc.id);
    return { status: 204 };
  },

  CreateCustomerKObject: (context) => {
    const customer = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    const kind = klassKind(context.store, param(context, "name"));
    const doc = createRecord(context.store, kind, objectBody(context), { customer: customer.id });
    return { body: single(kind, doc) };
  },

  FindCustomerKObjects: (context) => {
    const customer = requireRecord(context.store, CUSTOMERS, param(context, "id"));
    const kind = klassKind(context.store, param(context, "name"));
    return listReply(
      context,
      kind,
      relatedTo(context.store.list(kind.collection), "customer", customer.id),
    );
  },

  FindCompanyKObjects: (context) => {
    const company = requireRecord(context.store, COMPANIES, param(context, "id"));
    const kind = klassKind(context.store, param(context, "name"));
    return listReply(
      context,
      kind,
      relatedTo(context.store.list(kind.collection), "company", company.id),
    );
  },
};

/** The KObject kind of an existing klass, or 404 naming the missing klass. */
export function klassKind(store: Store, name: string): Kind {
  if (!findKlass(store, name)) {
    throw notFound(
      `klass "${name}" not found: create it first with POST /v1/klasses { "name": "${name}" }`,
    );
  }
  return kobjectKind(name);
}

function findKlass(store: Store, name: string): Doc | undefined {
  return store.find(KLASSES.collection, (doc) => doc.attributes.name === name);
}

function assertFreeKlassName(store: Store, name: unknown): void {
  if (typeof name === "string" && findKlass(store, name)) {
    throw conflict(`a klass named "${name}" already exists`, "/name");
  }
}
