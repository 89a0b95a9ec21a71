// Record kinds and how they appear on the wire: Kustomer's JSON:API envelope
// ({ data: { type, id, attributes, relationships, links: { self } } }, developer.kustomer.com/docs/concepts/json-api-format).
import type { Doc, Json } from "./store.ts";

export type Kind = {
  /** Store collection. */
  collection: string;
  /** JSON:API type. */
  type: string;
  /** Path of the record's own URL, without the id. */
  selfBase: string;
  /** Body fields that are references to other records, shown as relationships. */
  relationFields: readonly string[];
  /** Attributes a new record starts with. */
  defaults: () => Json;
  /** Recomputes attributes Kustomer derives from others (a customer's displayName). */
  derive?: (attributes: Json) => void;
  /**
   * DELETE marks the record deleted (deleted: true, deletedAt, a new updatedAt) instead of
   * removing it, as Kustomer does for customers: reads by id and lookups answer 404, lists and
   * searches leave it out, and a search with includeDeleted still returns it, which is how a sync
   * learns of deletions (webhooks send no delete events: developer.kustomer.com/docs/events/event-catalog).
   */
  softDelete?: true;
};

/** The sandbox is one org; Kustomer shows it on every record as relationships.org. */
export const ORG_ID = "5a1b2c3d4e5f60718293a4b5";

export const CUSTOMERS: Kind = {
  collection: "customers",
  type: "customer",
  selfBase: "/v1/customers",
  relationFields: [],
  softDelete: true,
  defaults: () => ({
    externalIds: [],
    sharedExternalIds: [],
    emails: [],
    sharedEmails: [],
    phones: [],
    sharedPhones: [],
    socials: [],
    urls: [],
    locations: [],
    tags: [],
    custom: {},
  }),
  derive: (attributes) => {
    attributes.displayName =
      nonEmpty(attributes.name) ??
      nonEmpty(firstOf(attributes.emails, "email")) ??
      nonEmpty(firstOf(attributes.phones, "phone")) ??
      "";
  },
};

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function firstOf(list: unknown, field: string): unknown {
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  return first !== null && typeof first === "object" ? (first as Json)[field] : undefined;
}

export const COMPANIES: Kind = {
  collection: "companies",
  type: "company",
  selfBase: "/v1/companies",
  relationFields: [],
  defaults: () => ({ tags: [], custom: {} }),
};

export const CONVERSATIONS: Kind = {
  collection: "conversations",
  type: "conversation",
  selfBase: "/v1/conversations",
  relationFields: ["customer"],
  defaults: () => ({
    name: "",
    status: "open",
    priority: 3,
    messageCount: 0,
    noteCount: 0,
    tags: [],
    assignedUsers: [],
    assignedTeams: [],
    custom: {},
  }),
};

export const MESSAGES: Kind = {
  collection: "messages",
  type: "message",
  selfBase: "/v1/messages",
  relationFields: ["customer", "conversation"],
  defaults: () => ({ custom: {} }),
};

export const NOTES: Kind = {
  collection: "notes",
  type: "note",
  selfBase: "/v1/notes",
  relationFields: ["customer", "conversation"],
  defaults: () => ({ userMentions: [] }),
};

export const KLASSES: Kind = {
  collection: "klasses",
  type: "klass",
  selfBase: "/v1/klasses",
  relationFields: [],
  defaults: () => ({ status: "enabled" }),
};

export const BULKS: Kind = {
  collection: "bulk",
  type: "bulk",
  selfBase: "/v1/bulk",
  relationFields: [],
  defaults: () => ({}),
};

export const BULK_BATCHES: Kind = {
  collection: "bulk_batches",
  type: "bulk_batch",
  selfBase: "/v1/bulk/batches",
  relationFields: ["bulk"],
  defaults: () => ({}),
};

const kobjectKinds = new Map<string, Kind>();

/** KObjects of klass `name` are typed kobject-<name> and live under /v1/klasses/<name>. */
export function kobjectKind(name: string): Kind {
  let kind = kobjectKinds.get(name);
  if (!kind) {
    kind = {
      collection: `kobjects:${name}`,
      type: `kobject-${name}`,
      selfBase: `/v1/klasses/${encodeURIComponent(name)}`,
      relationFields: ["customer", "company"],
      defaults: () => ({ data: {}, tags: [], custom: {} }),
    };
    kobjectKinds.set(name, kind);
  }
  return kind;
}

const RELATION_TARGETS: { [name: string]: { type: string; base: string } } = {
  customer: { type: "customer", base: "/v1/customers" },
  conversation: { type: "conversation", base: "/v1/conversations" },
  company: { type: "company", base: "/v1/companies" },
  bulk: { type: "bulk", base: "/v1/bulk" },
};

export type Resource = {
  type: string;
  id: string;
  attributes: Json;
  relationships: Json;
  links: { self: string };
};

export function render(kind: Kind, doc: Doc): Resource {
  const relationships: Json = {
    org: { links: { self: `/v1/orgs/${ORG_ID}` }, data: { type: "org", id: ORG_ID } },
  };
  for (const [name, id] of Object.entries(doc.rel)) {
    const target = RELATION_TARGETS[name];
    if (target) {
      relationships[name] = {
        links: { self: `${target.base}/${id}` },
        data: { type: target.type, id },
      };
    }
  }
  return {
    type: kind.type,
    id: doc.id,
    attributes: doc.attributes,
    relationships,
    links: { self: `${kind.selfBase}/${doc.id}` },
  };
}

export function single(kind: Kind, doc: Doc): { data: Resource } {
  return { data: render(kind, doc) };
}
