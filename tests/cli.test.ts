// The terminal interface, for real: `bun run scripts/x.ts --flags` against a stub Kustomer served
// on 127.0.0.1 by this test.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers/project.ts";

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

async function run(
  script: string,
  args: string[],
  env: { [name: string]: string | undefined } = {},
) {
  const child = Bun.spawn([process.execPath, "run", script, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      KUSTOMER_API_KEY: API_KEY,
      KUSTOMER_BASE_URL: `http://127.0.0.1:${server.port}`,
      ...env,
    },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  return { stdout, stderr, code };
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

  test("--help lists the parameters with their types and exits 0", async () => {
    const result = await run("scripts/customers/bulk_batch_update_customers.ts", ["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Bulk batch update customers (PUT /v1/customers/bulk)");
    expect(result.stdout).toContain("--ids (optional): string\n");
    expect(result.stdout).toContain("--body: {\n    _clientRef?: string;\n    id: string;");
    expect(result.stdout).toContain('      type?: "home" | "work" | "other";');
    expect(result.stdout).toContain("KUSTOMER_API_KEY");
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
