// Rate limits and fault injection.
import { beforeEach, describe, expect, mock, test } from "bun:test";
import { startSandbox } from "../../sandbox/server.ts";
import { clientFor, dataOf, errorsOf, listOf } from "../helpers/sandbox-client.ts";

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; these tests talk to 127.0.0.1
});

describe("rate limit", () => {
  test("one org-wide window: headers on every response, 429 in Kustomer's shape when spent", async () => {
    const sandbox = startSandbox({ port: 0, rateLimit: 3, rateWindowMs: 60_000 });
    const call = clientFor(sandbox);
    try {
      const started = Math.floor(Date.now() / 1000);
      const remaining: (string | null)[] = [];
      for (let index = 0; index < 3; index++) {
        const response = await call("GET", "/v1/customers");
        expect(response.status).toBe(200);
        expect(response.headers.get("x-ratelimit-limit")).toBe("3");
        remaining.push(response.headers.get("x-ratelimit-remaining"));
      }
      expect(remaining).toEqual(["2", "1", "0"]);

      const limited = await call("POST", "/v1/customers", { body: { name: "too many" } });
      expect(limited.status).toBe(429);
      expect(errorsOf(limited)[0]).toMatchObject({ status: 429, code: "too_many_requests" });
      expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
      const reset = Number(limited.headers.get("x-ratelimit-reset"));
      expect(reset).toBeGreaterThanOrEqual(started + 59);
      expect(reset).toBeLessThanOrEqual(started + 62);
    } finally {
      await sandbox.stop();
    }
  });

  test("the budget comes back when the window ends", async () => {
    const sandbox = startSandbox({ port: 0, rateLimit: 1, rateWindowMs: 50 });
    const call = clientFor(sandbox);
    try {
      expect((await call("GET", "/v1/customers")).status).toBe(200);
      expect((await call("GET", "/v1/customers")).status).toBe(429);
      await Bun.sleep(60);
      expect((await call("GET", "/v1/customers")).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("fault injection", () => {
  test("failRate 1 answers 500 before processing anything", async () => {
    const sandbox = startSandbox({ port: 0, failRate: 1 });
    const call = clientFor(sandbox);
    try {
      const response = await call("POST", "/v1/customers", { body: { name: "never stored" } });
      expect(response.status).toBe(500);
      expect(errorsOf(response)[0]).toMatchObject({ status: 500, code: "internal_server_error" });
      expect(response.headers.get("x-ratelimit-limit")).toBe("300");
    } finally {
      await sandbox.stop();
    }
  });

  test("dropAfterCommitRate 1: the client sees a network error, yet the record was written", async () => {
    const dropped: string[] = [];
    const sandbox = startSandbox({
      port: 0,
      dropAfterCommitRate: 1,
      log: (line) => dropped.push(line),
    });
    const call = clientFor(sandbox);
    try {
      const sent = call("POST", "/v1/customers", {
        body: { name: "Committed", externalId: "drop-1" },
      });
      await expect(sent).rejects.toThrow();
      expect(dropped).toHaveLength(1);
      // GETs are never dropped: the write is visible afterwards.
      const found = await call("GET", "/v1/customers/externalId=drop-1");
      expect(found.status).toBe(200);
      expect(dataOf(found).attributes.name).toBe("Committed");
      expect(listOf(await call("GET", "/v1/customers")).data).toHaveLength(1);
    } finally {
      await sandbox.stop();
    }
  });

  test("latencyMs delays each response", async () => {
    const sandbox = startSandbox({ port: 0, latencyMs: 40 });
    const call = clientFor(sandbox);
    try {
      const started = performance.now();
      expect((await call("GET", "/v1/customers")).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    } finally {
      await sandbox.stop();
    }
  });

  test("bad options are refused with the option's name", () => {
    expect(() => startSandbox({ port: 0, failRate: 2 })).toThrow("failRate");
    expect(() => startSandbox({ port: 0, rateLimit: 0 })).toThrow("rateLimit");
  });
});
