// Bulk like Kustomer runs it: 201 + queued at once, processed later, per-item results.
import { afterAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import {
  type ApiResponse,
  clientFor,
  dataOf,
  errorsOf,
  type Json,
  listOf,
  waitFor,
} from "../helpers/sandbox-client.ts";

const sandbox: Sandbox = startSandbox({ port: 0, bulkStepMs: 1 });
const call = clientFor(sandbox);

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; these tests talk to 127.0.0.1
});

afterAll(async () => {
  await sandbox.stop();
});

async function finished(bulkId: string, client = call): Promise<ApiResponse> {
  return waitFor(
    () => client("GET", `/v1/bulk/${bulkId}`),
    (response) => dataOf(response).attributes.status === "complete",
  );
}

type Batch = {
  objectIds: string[];
  successCount: number;
  failureCount: number;
  completedAt: string | null;
  errors: Json[];
  results?: { _clientRef: unknown; status: string; id?: string; errors?: Json[] }[];
};

async function batchesOf(bulkId: string, client = call): Promise<Batch[]> {
  const response = await client("GET", `/v1/bulk/${bulkId}/batches`);
  expect(response.status).toBe(200);
  return listOf(response).data.map((batch) => batch.attributes as unknown as Batch);
}

describe("bulk create", () => {
  test("queues, completes later, and reports each item by _clientRef; an invalid item fails alone", async () => {
    const submitted = await call("POST", "/v1/customers/bulk", {
      body: [
        { _clientRef: "row-1", name: "First", emails: [{ email: "first@example.com" }] },
        { _clientRef: "row-2", name: "x".repeat(300) },
        { _clientRef: "row-3", name: "Third", custom: { planStr: "pro" } },
      ],
    });
    expect(submitted.status).toBe(201);
    const job = dataOf(submitted);
    expect(job.type).toBe("bulk");
    expect(job.attributes.status).toBe("queued");
    expect(job.links.self).toBe(`/v1/bulk/${job.id}`);

    const done = dataOf(await finished(job.id));
    expect(done.attributes.batches).toEqual({ complete: 1, total: 1 });

    const [batch, ...others] = await batchesOf(job.id);
    expect(others).toHaveLength(0);
    expect(batch).toMatchObject({ successCount: 2, failureCount: 1 });
    expect(batch?.completedAt).toEqual(expect.any(String));
    expect(batch?.objectIds).toHaveLength(2);
    const results = batch?.results ?? [];
    expect(results.map((result) => [result._clientRef, result.status])).toEqual([
      ["row-1", "success"],
      ["row-2", "failure"],
      ["row-3", "success"],
    ]);
    expect(results[1]?.errors?.[0]).toMatchObject({ status: 400, source: { pointer: "/1/name" } });
    expect(batch?.errors[0]).toMatchObject({ source: { pointer: "/1/name" } });

    const created = await call("GET", `/v1/customers/${results[0]?.id}`);
    expect(dataOf(created).attributes.name).toBe("First");
  });

  test("the job is really asynchronous: queued, then running, then complete", async () => {
    const slow = startSandbox({ port: 0, bulkStepMs: 100 });
    const slowCall = clientFor(slow);
    try {
      const items = Array.from({ length: 30 }, (_, index) => ({ name: `Customer ${index}` }));
      const job = dataOf(await slowCall("POST", "/v1/customers/bulk", { body: items }));
      expect(dataOf(await slowCall("GET", `/v1/bulk/${job.id}`)).attributes.status).toBe("queued");
      const seen = new Set<unknown>();
      const done = await waitFor(
        () => slowCall("GET", `/v1/bulk/${job.id}`),
        (response) => {
          seen.add(dataOf(response).attributes.status);
          return dataOf(response).attributes.status === "complete";
        },
      );
      expect(seen.has("running")).toBe(true);
      expect(dataOf(done).attributes.batches).toEqual({ complete: 2, total: 2 });
      const batches = await batchesOf(job.id, slowCall);
      expect(batches.map((batch) => batch.successCount)).toEqual([25, 5]);
      expect(batches[0]?.results).toBeUndefined(); // no _clientRef sent
    } finally {
      await slow.stop();
    }
  });

  test("101 items are refused up front with a clear 400", async () => {
    const items = Array.from({ length: 101 }, (_, index) => ({ name: `n${index}` }));
    const response = await call("POST", "/v1/customers/bulk", { body: items });
    expect(response.status).toBe(400);
    const [error] = errorsOf(response);
    expect(error).toMatchObject({ status: 400, code: "bad_request" });
    expect(String(error?.detail)).toContain("at most 100");
  });

  test("conversations, messages, notes and KObjects in bulk", async () => {
    const customer = dataOf(await call("POST", "/v1/customers", { body: { name: "Bulk Owner" } }));
    const conversations = await call("POST", "/v1/conversations/bulk", {
      body: [{ customer: customer.id, _clientRef: "c1" }, { _clientRef: "no-customer" }],
    });
    const conversationJob = dataOf(conversations).id;
    await finished(conversationJob);
    const [conversationBatch] = await batchesOf(conversationJob);
    expect(conversationBatch?.results?.map((result) => result.status)).toEqual([
      "success",
      "failure",
    ]);
    const conversationId = conversationBatch?.objectIds[0] ?? "";

    const messages = await call("POST", "/v1/messages/bulk", {
      body: [{ conversation: conversationId, channel: "email", app: "postmark", direction: "in" }],
    });
    expect(messages.status).toBe(201);
    await finished(dataOf(messages).id);
    const notes = await call("POST", "/v1/notes/bulk", {
      body: [{ conversation: conversationId, body: "n" }],
    });
    await finished(dataOf(notes).id);
    expect(
      listOf(await call("GET", `/v1/conversations/${conversationId}/messages`)).data,
    ).toHaveLength(1);
    expect(
      listOf(await call("GET", `/v1/conversations/${conversationId}/notes`)).data,
    ).toHaveLength(1);

    await call("POST", "/v1/klasses", { body: { name: "shipment" } });
    const kobjects = await call("POST", "/v1/klasses/shipment/bulk", {
      body: [{ title: "S1" }, { title: "S2" }],
    });
    await finished(dataOf(kobjects).id);
    expect(listOf(await call("GET", "/v1/klasses/shipment")).data).toHaveLength(2);
  });
});

describe("bulk update and delete", () => {
  test("PUT updates each item by id; DELETE takes ?ids= and reports unknown ids as failures", async () => {
    const ids = [];
    for (const name of ["u1", "u2"]) {
      ids.push(dataOf(await call("POST", "/v1/customers", { body: { name } })).id);
    }
    const updated = await call("PUT", "/v1/customers/bulk", {
      body: ids.map((id) => ({ id, custom: { doneBool: true } })),
    });
    await finished(dataOf(updated).id);
    expect(dataOf(await call("GET", `/v1/customers/${ids[0]}`)).attributes.custom).toEqual({
      doneBool: true,
    });

    const missing = "0123456789abcdef01234567";
    const deleted = await call("DELETE", `/v1/customers/bulk?ids=${[...ids, missing].join(",")}`);
    expect(deleted.status).toBe(201);
    await finished(dataOf(deleted).id);
    const [batch] = await batchesOf(dataOf(deleted).id);
    expect(batch).toMatchObject({ successCount: 2, failureCount: 1 });
    expect((await call("GET", `/v1/customers/${ids[0]}`)).status).toBe(404);

    const noIds = await call("DELETE", "/v1/customers/bulk");
    expect(noIds.status).toBe(400);
    expect(errorsOf(noIds)[0]).toMatchObject({ source: { parameter: "ids" } });
  });
});
