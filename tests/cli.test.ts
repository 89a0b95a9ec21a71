// The terminal interface, for real: `bun run scripts/x.ts --flags` against a stub Kustomer served
// on 127.0.0.1 by this test.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "../sandbox/server.ts";
import { runInTerminal } from "./helpers/terminal.ts";

type Seen = {
  method: string;
  path: string;
  search: string;
  authorization: string | null;
  body: string;
};
const seen: Seen[] = [];
const API_KEY = "cli-test-key-9f8e7d6c5b4a";
let server: ReturnType<typeof Bun.serve>;

beforeAll(() => {
  server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const url = new URL(request.url);
      seen.push({
        method: request.method,
        path: url.pathname,
        search: url.search,
        authorization: request.headers.get("authorization"),
        body: await request.text(),
      });
      if (url.pathname.endsWith("/missing")) {
        return Response.json(
          { errors: [{ code: "not_found", message: "Customer not found" }] },
          { status: 404 },
        );
      }
      return Response.json(
        { data: { type: "customer", id: "c1", attributes: { name: "Ada" } } },
        { status: 201 },
      );
    },
  });
});

afterAll(() => {
  server.stop(true);
});

/** A script from a terminal, against the stub server with the test key unless env says otherwise. */
function run(
  script: string,
  args: string[],
  env: { [name: string]: string | undefined } = {},
  stdin?: string,
) {
  return runInTerminal(
    [script, ...args],
    {
      KUSTOMER_API_KEY: API_KEY,
      KUSTOMER_BASE_URL: `http://127.0.0.1:${server.port}`,
      ...env,
    },
    stdin,
  );
}

describe("bun run scripts/...", () => {
  test("--body sends the JSON and prints the result as JSON", async () => {
    const before = seen.length;
    const result = await run("scripts/customers/create_customer.ts", ["--body", '{"name":"Ada"}']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      data: { type: "customer", id: "c1", attributes: { name: "Ada" } },
    });
    expect(seen.slice(before)).toEqual([
      {
        method: "POST",
        path: "/v1/customers",
        search: "",
        authorization: `Bearer ${API_KEY}`,
        body: '{"name":"Ada"}',
      },
    ]);
  });

  test("a string parameter stays a string; @file reads a file; --name=value works", async () => {
    const folder = mkdtempSync(join(tmpdir(), "kustomer-cli-"));
    const bodyFile = join(folder, "body.json");
    writeFileSync(bodyFile, JSON.stringify({ custom: { tierStr: "gold" } }));
    const before = seen.length;
    const result = await run("scripts/customers/update_customer_attributes.ts", [
      "--id=0123",
      "--body",
      `@${bodyFile}`,
    ]);
    expect(result.code).toBe(0);
    expect(seen.slice(before)).toMatchObject([
      { method: "PATCH", path: "/v1/customers/0123", body: '{"custom":{"tierStr":"gold"}}' },
    ]);
  });

  test("an optional query parameter is sent only when given", async () => {
    const before = seen.length;
    await run("scripts/customers/bulk_batch_update_customers.ts", [
      "--ids",
      "c1,c2",
      "--body",
      '[{"id":"c1","name":"A"}]',
    ]);
    await run("scripts/customers/bulk_batch_update_customers.ts", [
      "--body",
      '[{"id":"c1","name":"A"}]',
    ]);
    expect(seen.slice(before).map((item) => item.search)).toEqual(["?ids=c1%2Cc2", ""]);
  });

  test("--help reads like a manual page: what, how, each flag with its doc, default and range", async () => {
    const bulk = await run("scripts/customers/bulk_batch_update_customers.ts", ["--help"]);
    expect(bulk.code).toBe(0);
    expect(bulk.stderr).toBe("");
    const lines = bulk.stdout.split("\n");
    expect(lines[0]).toBe("bulk_batch_update_customers: Bulk batch update customers");
    expect(lines[1]).toBe("  PUT /v1/customers/bulk");
    expect(bulk.stdout).toContain("Queues an update of up to 100 customers in one call");
    expect(bulk.stdout).toContain("  --ids TEXT\n");
    expect(bulk.stdout).toContain("  --body JSON  (required)\n");
    expect(bulk.stdout).toContain("A list of objects with 33 field(s): _clientRef?, id, name?,");
    expect(bulk.stdout).toContain("null on a list empties it");
    expect(bulk.stdout).toContain("Roles (any one): org.permission.customer.update");
    expect(bulk.stdout).toContain("Reference: https://developer.kustomer.com/api/core-resources/");
    expect(bulk.stdout).toContain("KUSTOMER_API_KEY");
    expect(bulk.stdout).toContain("3 some records failed or were invalid");
    expect(lines.length).toBeLessThanOrEqual(32);

    const list = await run("scripts/customers/get_customers.ts", ["--help"]);
    expect(list.stdout).toContain("  --page NUMBER  (whole number ≥ 1)\n");
    expect(list.stdout).toContain("  --pageSize NUMBER  (whole number 1 to 100)\n");

    const imports = await run("scripts/customers/import_customers.ts", ["--help"]);
    expect(imports.stdout).toContain("  --checkExisting auto|always|never  (default auto)\n");
    expect(imports.stdout).toContain(
      "  --rateShare NUMBER  (default 0.8)\n      Share of the org's rate limit",
    );
    expect(imports.stdout).toContain("  --deadlineSeconds NUMBER  (default 3600)\n");
    expect(imports.stdout).not.toContain("unknown");

    const wait = await run("scripts/bulk/wait_for_bulk_operation.ts", ["-h"]);
    expect(wait.stdout).toContain("  --id TEXT\n      The bulk operation's id");
    expect(wait.stdout).toContain("or pass bulk instead.");
  });

  test("an API error prints Kustomer's message on stderr and exits 1, without the key", async () => {
    const result = await run("scripts/customers/update_customer_attributes.ts", [
      "--id",
      "missing",
      "--body",
      '{"name":"A"}',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Kustomer PATCH /v1/customers/missing failed: 404 Not Found: Customer not found",
    );
    expect(result.stdout).toBe("");
    expect(result.stderr + result.stdout).not.toContain(API_KEY);
  });

  const usageErrors: [string, string, string[], { [name: string]: string | undefined }, string][] =
    [
      [
        "no API key in the environment",
        "create_customer",
        ["--body", "{}"],
        { KUSTOMER_API_KEY: undefined },
        "Set KUSTOMER_API_KEY",
      ],
      ["an unknown flag", "create_customer", ["--bdy", "{}"], {}, "Unknown parameter --bdy"],
      [
        "an attempt to pass the key as a flag",
        "create_customer",
        ["--auth", "{}"],
        {},
        "Unknown parameter --auth",
      ],
      [
        "a missing required parameter",
        "update_customer_attributes",
        ["--body", '{"name":"A"}'],
        {},
        "Missing --id",
      ],
      ["a positional argument", "create_customer", ['{"name":"A"}'], {}, "Unexpected argument"],
      [
        "invalid input",
        "create_customer",
        ["--body", '{"gender":"x"}'],
        {},
        'body.gender must be one of "m", "f"',
      ],
    ];
  for (const [name, script, args, env, message] of usageErrors) {
    test(`${name} is a usage error: exit 2 before any request`, async () => {
      const before = seen.length;
      const result = await run(`scripts/customers/${script}.ts`, args, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(seen.length).toBe(before);
    });
  }
});

describe("terminal input: every mistake is named, exit 2, nothing sent", () => {
  const folder = mkdtempSync(join(tmpdir(), "kustomer-cli-input-"));
  const badJson = join(folder, "bad.json");
  writeFileSync(badJson, '{\n  "name": "Ada",\n  "emails": [{ "email": "a@x.io" },]\n}');
  const csv = join(folder, "data.csv");
  writeFileSync(csv, "name,email\nAda,a@x.io\n");

  const cases: [string, string, string[], { [name: string]: string | undefined }, string[]][] = [
    [
      "inline JSON with a trailing comma",
      "customers/create_customer",
      ["--body", '{"name":"Ada",}'],
      {},
      ["--body is not valid JSON: line 1, column 15: a comma before }"],
    ],
    [
      "a JSON file with a mistake on line 3",
      "customers/create_customer",
      ["--body", `@${badJson}`],
      {},
      [`--body is not valid JSON (from the file ${badJson}): line 3, column 36: a comma before ]`],
    ],
    [
      "a CSV file for records",
      "customers/import_customers",
      ["--records", `@${csv}`],
      {},
      [`--records is not valid JSON (from the file ${csv}): line 1, column 1`, "convert the CSV"],
    ],
    [
      "single quotes",
      "customers/create_customer",
      ["--body", "{'name':'Ada'}"],
      {},
      ["line 1, column 2", "double quotes"],
    ],
    [
      "a number flag given words",
      "customers/get_customers",
      ["--page", "two"],
      {},
      ['--page takes a number (got "two")'],
    ],
    [
      "a near miss of a flag",
      "customers/create_customer",
      ["--bodi", "{}"],
      {},
      ["Unknown parameter --bodi (did you mean --body?)"],
    ],
    [
      "an unknown flag, far from any, on a script with few parameters",
      "customers/upsert_customer",
      ["--body", "{}"],
      {},
      ["Unknown parameter --body (this script takes --record)"],
    ],
    [
      "an unknown flag on a script without parameters",
      "auth_roles/get_auth_roles",
      ["--id", "r1"],
      {},
      ["Unknown parameter --id (this script takes no parameters)"],
    ],
    [
      "a flag in the wrong case",
      "customers/get_customers",
      ["--pagesize", "5"],
      {},
      ["Unknown parameter --pagesize (did you mean --pageSize?)"],
    ],
    [
      "a repeated flag",
      "customers/update_customer_attributes",
      ["--id", "c1", "--id", "c2", "--body", '{"name":"A"}'],
      {},
      ["--id is given twice: pass it once"],
    ],
    [
      "a page that is not whole",
      "customers/get_customers",
      ["--page", "1.5"],
      {},
      ["page must be a whole number (got 1.5)"],
    ],
    [
      "a page size over the documented maximum",
      "customers/get_customers",
      ["--pageSize", "500"],
      {},
      ["pageSize must be at most 100 (got 500)"],
    ],
    [
      "a timeout that is not a number",
      "customers/get_customers",
      [],
      { KUSTOMER_TIMEOUT_MS: "abc" },
      ['KUSTOMER_TIMEOUT_MS must be a whole number of milliseconds from 1 to 3600000 (got "abc")'],
    ],
    [
      "a negative timeout",
      "customers/get_customers",
      [],
      { KUSTOMER_TIMEOUT_MS: "-5" },
      ['(got "-5")'],
    ],
    ["a zero timeout", "customers/get_customers", [], { KUSTOMER_TIMEOUT_MS: "0" }, ['(got "0")']],
    [
      "an unknown region",
      "customers/get_customers",
      [],
      { KUSTOMER_BASE_URL: undefined, KUSTOMER_REGION: "mars" },
      ['KUSTOMER_REGION "mars" is not one of us, eu, india'],
    ],
    [
      "a base URL over plain http to another host",
      "customers/get_customers",
      [],
      { KUSTOMER_BASE_URL: "http://example.com" },
      ["KUSTOMER_BASE_URL must use https://"],
    ],
    [
      "a key with a non-ASCII character",
      "customers/get_customers",
      [],
      { KUSTOMER_API_KEY: "key-with-é-in-it" },
      ["KUSTOMER_API_KEY holds characters an HTTP header cannot carry"],
    ],
    [
      "a key with a control character",
      "customers/get_customers",
      [],
      { KUSTOMER_API_KEY: "key\u0007bell" },
      ["KUSTOMER_API_KEY holds characters an HTTP header cannot carry"],
    ],
    [
      "a body over Kustomer's request size limit",
      "customers/create_customer",
      ["--body", JSON.stringify({ custom: { notesTxt: "x".repeat(100_000) } })],
      {},
      ["body is 100026 bytes as JSON; Kustomer refuses a request over 100000 bytes"],
    ],
  ];
  for (const [name, script, args, env, messages] of cases) {
    test(`${name}: exit 2, the exact problem, one pointer to --help, nothing sent`, async () => {
      const before = seen.length;
      const result = await run(`scripts/${script}.ts`, args, env);
      expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: "" });
      for (const message of messages) {
        expect(result.stderr).toContain(message);
      }
      expect(result.stderr).not.toContain("Warning");
      expect(result.stderr).not.toContain("auth.");
      // The error and at most one line pointing at --help, not the whole help.
      expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
      expect(seen.length).toBe(before);
    });
  }

  test("--body @- reads standard input", async () => {
    const before = seen.length;
    const result = await run(
      "scripts/customers/create_customer.ts",
      ["--body", "@-"],
      {},
      '{"name":"From stdin"}',
    );
    expect(result.code).toBe(0);
    expect(seen.slice(before).map((item) => item.body)).toEqual(['{"name":"From stdin"}']);
  });

  test("KUSTOMER_REGION is read in any case (EU is eu)", async () => {
    // No server answers for eu here: the refusal to pick a host would be exit 2 before sending.
    const result = await run("scripts/customers/get_customers.ts", ["--help"], {
      KUSTOMER_REGION: "EU",
    });
    expect(result.code).toBe(0);
    const { kustomerBaseUrl } = await import("../resources/kustomer.ts");
    const never = () => {
      throw new Error("not expected");
    };
    expect(kustomerBaseUrl({ apiKey: "k", region: "EU" as never }, never)).toBe(
      "https://api.prod2.kustomerapp.com",
    );
  });

  test("a refused connection names the host and port, without Bun's internal text", async () => {
    const closed = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response() });
    const port = closed.port;
    closed.stop(true);
    const result = await run("scripts/customers/create_customer.ts", ["--body", '{"name":"A"}'], {
      KUSTOMER_BASE_URL: `http://127.0.0.1:${port}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`could not connect to 127.0.0.1:${port}: connection refused`);
    expect(result.stderr).toContain("did not reach the server");
    expect(result.stderr).not.toContain("Is the computer able");
  });

  test("an import with invalid records prints a summary on stderr and exits 3", async () => {
    const before = seen.length;
    const result = await run("scripts/customers/import_customers.ts", [
      "--records",
      '[{"name": 5, "externalId": "a"}, {"gender": "x", "externalId": "b"}]',
    ]);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).summary).toMatchObject({ records: 2, invalid: 2 });
    expect(result.stderr).toMatch(
      /^import: 2 records: 0 created, 0 existing, 0 failed, 2 invalid;/m,
    );
    expect(seen.length).toBe(before);
  });

  test("a bulk upsert prints its summary on stderr and exits 3 when a record is invalid", async () => {
    const sandbox = startSandbox({ port: 0, bulkStepMs: 1 });
    try {
      sandbox.seed("customers", [{ name: "Ada", externalId: "cli-1" }]);
      const result = await run(
        "scripts/customers/bulk_upsert_customers.ts",
        [
          "--records",
          '[{"externalId": "cli-1", "name": "Ada L."}, {"externalId": "cli-2", "name": "Grace"}, {"name": "no id"}]',
        ],
        { KUSTOMER_BASE_URL: sandbox.url, KUSTOMER_API_KEY: sandbox.apiKey },
      );
      expect(result.code).toBe(3);
      expect(JSON.parse(result.stdout).summary).toMatchObject({
        records: 3,
        created: 1,
        updated: 1,
        invalid: 1,
      });
      expect(result.stderr.trim().split("\n").at(-1)).toMatch(
        /^upsert: 3 records: 1 created, 1 updated, 0 unchanged, 0 failed, 1 invalid; 1 searches, 2 bulk operations, \d+ requests \(0 throttled\), [\d.]+ s$/,
      );
      expect(result.stderr).not.toContain(sandbox.apiKey);
    } finally {
      await sandbox.stop();
    }
  }, 30_000);

  test("an export and a list-all print their own summary line on stderr, and exit 0", async () => {
    const sandbox = startSandbox({ port: 0 });
    try {
      sandbox.seed(
        "customers",
        Array.from({ length: 150 }, (_, index) => ({ name: `Summary ${index}` })),
      );
      const env = { KUSTOMER_BASE_URL: sandbox.url, KUSTOMER_API_KEY: sandbox.apiKey };
      await Bun.sleep(5); // lagSeconds 0: the export ends at "now", after the seeded writes
      const exported = await run(
        "scripts/customers/export_customers.ts",
        ["--lagSeconds", "0", "--maxRecords", "20"],
        env,
      );
      expect(exported.code).toBe(0);
      expect(exported.stderr.trim().split("\n").at(-1)).toMatch(
        /^export: 20 records, 0 deleted; \d+ searches, [\d.]+ s; stopped by maxRecords; more to come: pass `cursor` to go on$/,
      );
      const listed = await run(
        "scripts/customers/list_all_customers.ts",
        ["--maxRecords", "1"],
        env,
      );
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout).records).toHaveLength(100);
      expect(listed.stderr.trim()).toMatch(
        /^list: 100 records in 1 pages, [\d.]+ s; stopped by maxRecords: pass `next` as --from to go on$/,
      );
      const rest = await run(
        "scripts/customers/list_all_customers.ts",
        ["--from", JSON.parse(listed.stdout).next],
        env,
      );
      expect(rest.stderr.trim()).toMatch(/^list: 50 records in 1 pages, [\d.]+ s; complete$/);
      for (const output of [exported, listed, rest]) {
        expect(output.stderr).not.toContain("undefined");
        expect(output.stderr).not.toContain(sandbox.apiKey);
      }
    } finally {
      await sandbox.stop();
    }
  }, 30_000);

  test("an import that takes a while prints progress on stderr every 5 s as it goes", async () => {
    // A sandbox whose bulk jobs take 3 s a step: one record takes over 5 s to be accounted for.
    const sandbox = startSandbox({ port: 0, bulkStepMs: 3_000 });
    try {
      const result = await run(
        "scripts/customers/import_customers.ts",
        ["--records", '[{"name": "Ada", "externalId": "progress-1"}]', "--checkExisting", "never"],
        { KUSTOMER_BASE_URL: sandbox.url, KUSTOMER_API_KEY: sandbox.apiKey },
      );
      expect(result.code).toBe(0);
      const lines = result.stderr.trim().split("\n");
      // At least one progress line, then the summary last.
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines[0]).toMatch(
        /^import \(BulkCreateCustomers\) after 5 s: 1 of 1 records sent; 0 created, 0 existing, 0 failed, 0 invalid; 1 bulk operations pending; \d+ requests \(0 throttled\)$/,
      );
      expect(lines.at(-1)).toMatch(
        /^import: 1 records: 1 created, 0 existing, 0 failed, 0 invalid;/,
      );
      expect(result.stderr).not.toContain(sandbox.apiKey);
    } finally {
      await sandbox.stop();
    }
  }, 30_000);
});
