// --db PATH: records (and bulk jobs) survive a restart on the same SQLite file.
import { afterAll, beforeEach, expect, mock, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "../../sandbox/server.ts";
import { clientFor, dataOf, listOf, waitFor } from "../helpers/sandbox-client.ts";

const folder = mkdtempSync(join(tmpdir(), "kustomer-sandbox-"));

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; these tests talk to 127.0.0.1
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

test("data written before a restart is there after it, in the same order", async () => {
  const dbPath = join(folder, "sandbox.sqlite");
  const first = startSandbox({ port: 0, dbPath, bulkStepMs: 1 });
  const firstCall = clientFor(first);
  const ann = dataOf(
    await firstCall("POST", "/v1/customers", { body: { name: "Ann", externalId: "p-1" } }),
  );
  const bob = dataOf(await firstCall("POST", "/v1/customers", { body: { name: "Bob" } }));
  await firstCall("PATCH", `/v1/customers/${ann.id}`, { body: { name: "Ann B" } });
  const removed = dataOf(await firstCall("POST", "/v1/customers", { body: { name: "Gone" } }));
  await firstCall("DELETE", `/v1/customers/${removed.id}`);
  const job = dataOf(await firstCall("POST", "/v1/customers/bulk", { body: [{ name: "Bulk" }] }));
  await waitFor(
    () => firstCall("GET", `/v1/bulk/${job.id}`),
    (response) => dataOf(response).attributes.status === "complete",
  );
  await first.stop();

  const second = startSandbox({ port: 0, dbPath });
  const secondCall = clientFor(second);
  try {
    const names = listOf(await secondCall("GET", "/v1/customers")).data.map(
      (c) => c.attributes.name,
    );
    expect(names).toEqual(["Ann B", "Bob", "Bulk"]);
    expect(dataOf(await secondCall("GET", "/v1/customers/externalId=p-1")).id).toBe(ann.id);
    expect(dataOf(await secondCall("GET", `/v1/customers/${bob.id}`)).attributes.rev).toBe(1);
    expect(dataOf(await secondCall("GET", `/v1/bulk/${job.id}`)).attributes.status).toBe(
      "complete",
    );
    expect((await secondCall("GET", `/v1/customers/${removed.id}`)).status).toBe(404);
  } finally {
    await second.stop();
  }
});

test("a bulk job still queued at shutdown finishes after the restart", async () => {
  const dbPath = join(folder, "resume.sqlite");
  const first = startSandbox({ port: 0, dbPath, bulkStepMs: 10_000 });
  const job = dataOf(
    await clientFor(first)("POST", "/v1/customers/bulk", { body: [{ name: "Later" }] }),
  );
  await first.stop();

  const second = startSandbox({ port: 0, dbPath, bulkStepMs: 1 });
  const call = clientFor(second);
  try {
    const done = await waitFor(
      () => call("GET", `/v1/bulk/${job.id}`),
      (response) => dataOf(response).attributes.status === "complete",
    );
    expect(dataOf(done).attributes.status).toBe("complete");
    expect(listOf(await call("GET", "/v1/customers")).data.map((c) => c.attributes.name)).toEqual([
      "Later",
    ]);
  } finally {
    await second.stop();
  }
});
