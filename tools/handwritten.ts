import { readFileSync } from "node:fs";
import { join } from "node:path";

// Scripts written by hand rather than generated from an operation: flow steps that combine several
// calls (waiting for a bulk operation, importing any number of records, exporting what changed,
// polling triggers). Each carries the stamped
// shared block like every generated script, and has its test at the mirrored path under tests/.
// tests/endpoints.test.ts checks that these and tools/endpoints.json together name every script.

export type HandwrittenScript = {
  /** scripts/<folder>/<name>.ts */
  file: string;
  /** The title on the script's first doc-comment line. */
  summary: string;
  /**
   * The script makes no Kustomer request (the webhook intake): it carries no shared block, no
   * //native line and no `auth: Kustomer`, and its own test checks what it has instead.
   */
  standalone?: true;
  /**
   * "bun" for a step that runs long or holds many records (imports, waits, exports, triggers): no
   * //native line, so Windmill runs it on Bun with its own job timeout, since the native runtime is
   * a V8 isolate of 128 MiB heap, one job per worker. Every other script that calls Kustomer is
   * `//native`.
   */
  runtime?: "bun";
  /**
   * For a Bun step whose `deadlineSeconds` has no default in main's signature: the deadline it
   * applies in Windmill when none is given, from which its Windmill job timeout is set.
   */
  defaultDeadlineSeconds?: number;
};

export const HANDWRITTEN: HandwrittenScript[] = [
  {
    file: "scripts/bulk/wait_for_bulk_operation.ts",
    summary: "Wait for a bulk operation",
    runtime: "bun",
  },
  { file: "scripts/companies/import_companies.ts", summary: "Import companies", runtime: "bun" },
  {
    file: "scripts/conversations/import_conversations.ts",
    summary: "Import conversations",
    runtime: "bun",
  },
  { file: "scripts/customers/import_customers.ts", summary: "Import customers", runtime: "bun" },
  {
    file: "scripts/kobjects/import_kobjects.ts",
    summary: "Import KObjects (custom objects)",
    runtime: "bun",
  },
  { file: "scripts/messages/import_messages.ts", summary: "Import messages", runtime: "bun" },
  { file: "scripts/notes/import_notes.ts", summary: "Import notes", runtime: "bun" },
  {
    file: "scripts/webhooks/receive_kustomer_event.ts",
    summary: "Receive a Kustomer event (verified)",
    standalone: true,
  },
  ...(
    [
      ["customers", "customers"],
      ["companies", "companies"],
      ["conversations", "conversations"],
      ["messages", "messages"],
      ["notes", "notes"],
    ] as const
  ).map(([folder, name]) => ({
    file: `scripts/${folder}/export_${name}.ts`,
    summary: `Export changed ${name}`,
    runtime: "bun" as const,
    defaultDeadlineSeconds: 600,
  })),
  {
    file: "scripts/kobjects/export_kobjects.ts",
    summary: "Export changed KObjects (custom objects)",
    runtime: "bun",
    defaultDeadlineSeconds: 600,
  },
  ...(
    [
      ["customers", "customers"],
      ["companies", "companies"],
      ["conversations", "conversations"],
    ] as const
  ).map(([folder, name]) => ({
    file: `scripts/${folder}/bulk_upsert_${name}.ts`,
    summary: `Upsert ${name} in bulk by externalId`,
    runtime: "bun" as const,
  })),
  {
    file: "scripts/kobjects/bulk_upsert_kobjects.ts",
    summary: "Upsert KObjects in bulk by externalId",
    runtime: "bun",
  },
  { file: "scripts/customers/upsert_customer.ts", summary: "Upsert a customer by externalId" },
  { file: "scripts/companies/upsert_company.ts", summary: "Upsert a company by externalId" },
  {
    file: "scripts/conversations/upsert_conversation.ts",
    summary: "Upsert a conversation by externalId",
  },
  { file: "scripts/kobjects/upsert_kobject.ts", summary: "Upsert a KObject by externalId" },
  ...["customers", "conversations", "messages", "companies"].map((name) => ({
    file: `scripts/triggers/trigger_${name}.ts`,
    summary: `Trigger: new or changed ${name}`,
    runtime: "bun" as const,
    defaultDeadlineSeconds: 300,
  })),
];

/** Scripts that do not call Kustomer (see HandwrittenScript.standalone). */
export const STANDALONE_SCRIPTS = new Set(
  HANDWRITTEN.filter((script) => script.standalone).map((script) => script.file),
);

/**
 * The generated read-everything steps, list_all_*: one per list of tools/endpoints.json (its
 * `listAll`), written with the list by tools/generate.ts. Bun steps like the exports, with their
 * deadline's default (600 s) in main's signature, from which Windmill's job timeout is set.
 */
export const LIST_ALL_SCRIPTS: string[] = (
  JSON.parse(readFileSync(join(import.meta.dir, "endpoints.json"), "utf8")) as {
    listAll?: { file: string };
  }[]
).flatMap((row) => (row.listAll ? [row.listAll.file] : []));

/** The steps that run on Windmill's Bun runtime (see HandwrittenScript.runtime). */
export const BUN_RUNTIME_SCRIPTS = new Set([
  ...HANDWRITTEN.filter((script) => script.runtime === "bun").map((script) => script.file),
  ...LIST_ALL_SCRIPTS,
]);
