// wait_for_bulk_operation: the flow step after any bulk call. Its polling schedule and summary are
// tested once with virtual time in tests/shared/bulk-import.test.ts; here the script itself, against
// a stubbed fetch and against the sandbox, where it follows what bulk_create_customers queued.
import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import { type Sandbox, startSandbox } from "../../sandbox/server.ts";
import { main } from "../../scripts/bulk/wait_for_bulk_operation.ts";
import { main as bulkCreateCustomers } from "../../scripts/customers/bulk_create_customers.ts";
import { fakeBulkApi } from "../helpers/fake-bulk-api.ts";
import { jsonResponse, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { seededRandom } from "../helpers/import-harness.ts";

const FAST = [60, 0.005, 0.02] as const;

/** Queues a bulk operation in the fake API and returns its id. */
async function queue(api: ReturnType<typeof fakeBulkApi>, items: { [field: string]: unknown }[]) {
  const response = await fetch("https://api.kustomerapp.com/v1/customers/bulk", {
    method: "POST",
    body: JSON.stringify(items),
  });
  expect(response.status).toBe(201);
  return api.jobs.at(-1)?.id ?? "";
}

describe("wait_for_bulk_operation against a stubbed fetch", () => {
  test("polls GET /v1/bulk/{id} until complete, then summarises its batches by _clientRef", async () => {
    const api = fakeBulkApi({
      runningReads: 2,
      itemErrors: (item) =>
        item.name === "Bad" ? [{ code: "bad_request", detail: "no" }] : undefined,
    });
    const calls = stubFetch(api.handler);
    const id = await queue(api, [
      { _clientRef: "row-1", name: "Ada" },
      { _clientRef: "row-2", name: "Bad" },
    ]);
    const summary = await main(TEST_AUTH, id, undefined, ...FAST);
    expect(calls.slice(1).map((call) => `${call.method} ${call.path}`)).toEqual([
      `GET /v1/bulk/${id}`,
      `GET /v1/bulk/${id}`,
      `GET /v1/bulk/${id}`,
      `GET /v1/bulk/${id}/batches`,
    ]);
    expect(calls.at(-1)?.query).toEqual({ page: "1", pageSize: "100" });
    expect(summary).toMatchObject({
      id,
      status: "complete",
      succeeded: 1,
      failed: 1,
      results: {
        "row-1": { status: "success", id: api.records[0]?.id },
        "row-2": { status: "failure", errors: [{ code: "bad_request", detail: "no" }] },
      },
      withoutClientRef: { ids: [], errors: [] },
      requests: 4,
    });
  });

  test("takes what a bulk script returned instead of an id", async () => {
    const api = fakeBulkApi();
    stubFetch(api.handler);
    const id = await queue(api, [{ _clientRef: "a", name: "Ada" }]);
    const summary = await main(TEST_AUTH, undefined, { data: { id, type: "bulk" } }, ...FAST);
    expect(summary.id).toBe(id);
    expect(Object.keys(summary.results)).toEqual(["a"]);
  });

  test("no id, or a bad timing, is refused before anything is sent", async () => {
    const calls = stubFetch(() => jsonResponse(200, {}));
    await expect(main(TEST_AUTH)).rejects.toThrow(
      "pass id (the bulk operation id) or bulk (what a bulk script returned: { data: { id } })",
    );
    await expect(main(TEST_AUTH, "b1", undefined, -5)).rejects.toThrow(
      "deadlineSeconds must be a number from 1 to 604800 (got -5)",
    );
    await expect(main({ apiKey: "" }, "b1")).rejects.toMatchObject({ code: "invalid_input" });
    expect(calls).toHaveLength(0);
  });

  test("an unknown id fails with Kustomer's 404 at once", async () => {
    stubFetch(() =>
      jsonResponse(404, {
        errors: [{ status: 404, code: "not_found", detail: "bulk operation x not found" }],
      }),
    );
    await expect(main(TEST_AUTH, "x", undefined, ...FAST)).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("bulk operation x not found"),
    });
  });

  test("an operation still running at the deadline fails the step with a clear error", async () => {
    const api = fakeBulkApi({ runningReads: 1_000_000 });
    stubFetch(api.handler);
    const id = await queue(api, [{ _clientRef: "a", name: "Ada" }]);
    await expect(main(TEST_AUTH, id, undefined, 1, 0.05, 0.2)).rejects.toThrow(
      `Kustomer bulk operation ${id} is still running (0 of 1 batches done) after 1 s: it goes on in Kustomer; run this step again with the same id, or raise deadlineSeconds`,
    );
  });
});

describe("wait_for_bulk_operation against the sandbox", () => {
  let sandbox: Sandbox;
  let auth: { apiKey: string; baseUrl: string };

  beforeAll(() => {
    // Reads meet 500s a third of the time: waiting must ride them out (GETs are safe to repeat).
    sandbox = startSandbox({ port: 0, bulkStepMs: 2, failRate: 0.3, random: seededRandom(3) });
    auth = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => {
    mock.restore(); // the real fetch: these tests talk to the sandbox on 127.0.0.1
  });

  test("follows what bulk_create_customers queued: ids by _clientRef, refusals with errors", async () => {
    let queued: unknown;
    // The bulk POST is not retried on a 500 (it may have been processed): send until one is taken.
    while (queued === undefined) {
      queued = await bulkCreateCustomers(auth, [
        { _clientRef: "ada", name: "Ada", externalId: "w-1" },
        { _clientRef: "grace", name: "Grace", externalId: "w-1" },
        { name: "No ref", externalId: "w-3" },
      ]).catch(() => undefined);
    }
    const summary = await main(auth, undefined, queued as { data: { id: string } }, ...FAST);
    expect(summary).toMatchObject({ status: "complete", succeeded: 2, failed: 1 });
    const ada = summary.results.ada;
    expect(ada).toEqual({ status: "success", id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(summary.withoutClientRef).toEqual({ ids: [expect.any(String)], errors: [] });
    expect(summary.withoutClientRef.ids).not.toContain((ada as { id: string }).id);
    expect(summary.results.grace).toMatchObject({
      status: "failure",
      errors: [expect.objectContaining({ status: 409, code: "conflict" })],
    });
  });
});
