// `bun sandbox/main.ts`: flags, and the URL line printed once listening.
import { beforeEach, describe, expect, mock, test } from "bun:test";
import { join } from "node:path";
import { parseCliArgs } from "../../sandbox/cli-args.ts";

const MAIN = join(import.meta.dir, "..", "..", "sandbox", "main.ts");

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; this test talks to 127.0.0.1
});

async function readUntil(stream: ReadableStream<Uint8Array>, pattern: RegExp): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  while (!pattern.test(seen)) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    seen += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return seen;
}

describe("CLI", () => {
  test("--port 0 prints the base URL and the API key, then serves the API", async () => {
    const child = Bun.spawn(["bun", MAIN, "--port", "0", "--api-key", "cli-key"], {
      stdout: "pipe",
      stderr: "pipe",
    });
    try {
      const output = await readUntil(child.stdout, /API key: .*\n/);
      const url = /Kustomer sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(output).toContain("API key: cli-key");
      const response = await fetch(`${url}/v1/customers`, {
        headers: { Authorization: "Bearer cli-key" },
      });
      expect(response.status).toBe(200);
    } finally {
      child.kill();
      await child.exited;
    }
  });

  test("a bad flag exits 2 with the usage", async () => {
    const child = Bun.spawn(["bun", MAIN, "--port", "many"], { stdout: "pipe", stderr: "pipe" });
    expect(await child.exited).toBe(2);
    expect(await new Response(child.stderr).text()).toContain("--port needs a number");
  });

  test("flags map to options", () => {
    expect(
      parseCliArgs([
        "--port=0",
        "--db",
        "data.sqlite",
        "--api-key",
        "k",
        "--rate-limit",
        "10",
        "--rate-window-ms",
        "1000",
        "--fail-rate",
        "0.05",
        "--latency-ms",
        "20",
        "--drop-after-commit-rate",
        "0.1",
      ]).options,
    ).toEqual({
      port: 0,
      dbPath: "data.sqlite",
      apiKey: "k",
      rateLimit: 10,
      rateWindowMs: 1000,
      failRate: 0.05,
      latencyMs: 20,
      dropAfterCommitRate: 0.1,
    });
    expect(() => parseCliArgs(["--nope"])).toThrow("unknown flag --nope");
  });

  test("--webhook-timeout-ms sets how long an outbound-webhook delivery may take", () => {
    expect(parseCliArgs(["--webhook-timeout-ms", "2000"]).options).toEqual({
      webhookTimeoutMs: 2000,
    });
  });
});

describe("flag errors exit 2 and name the flag, without the whole usage", () => {
  const cases: [string, string[], string][] = [
    ["a rate over 1", ["--fail-rate", "2"], "--fail-rate must be a number from 0 to 1 (got 2)"],
    [
      "a negative drop rate",
      ["--drop-after-commit-rate", "-0.5"],
      "--drop-after-commit-rate must be a number from 0 to 1 (got -0.5)",
    ],
    ["a port out of range", ["--port", "70000"], "--port must be a whole number from 0 to 65535"],
    [
      "a database in a folder that does not exist",
      ["--db", "/nonexistent-kustomer-folder/data.sqlite"],
      "--db /nonexistent-kustomer-folder/data.sqlite: the folder /nonexistent-kustomer-folder does not exist",
    ],
  ];
  for (const [name, args, message] of cases) {
    test(name, async () => {
      const child = Bun.spawn(["bun", MAIN, ...args], { stdout: "pipe", stderr: "pipe" });
      expect(await child.exited).toBe(2);
      const stderr = await new Response(child.stderr).text();
      expect(stderr).toContain(message);
      expect(stderr).not.toContain("Usage:");
    });
  }
});
