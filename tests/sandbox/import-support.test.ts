// What the bulk imports need from the sandbox: a compressed rate window with x-ratelimit-reset in
// milliseconds, an option to accept duplicate externalIds (so a client's duplicates show), reading
// the store afterwards, and search by externalId in Kustomer's snake_case.
import { beforeEach, describe, expect, mock, test } from "bun:test";
import { parseCliArgs } from "../../sandbox/cli-args.ts";
import { startSandbox } from "../../sandbox/server.ts";
import { clientFor, dataOf, errorsOf, listOf, waitFor } from "../helpers/sandbox-client.ts";

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; these tests talk to 127.0.0.1
});

describe("the rate window for imports", () => {
  test("rateResetUnit ms: x-ratelimit-reset is the window's end in epoch milliseconds", async () => {
    const sandbox = startSandbox({
      port: 0,
      rateLimit: 5,
      rateWindowMs: 2000,
      rateResetUnit: "ms",
    });
    const call = clientFor(sandbox);
    try {
      const before = Date.now();
      const response = await call("GET", "/v1/customers");
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      expect(reset).toBeGreaterThanOrEqual(before + 2000);
      expect(reset).toBeLessThanOrEqual(Date.now() + 2000);
      expect(response.headers.get("x-ratelimit-remaining")).toBe("4");
    } finally {
      await sandbox.stop();
    }
  });

  test("a unit other than s or ms is refused, naming the option", () => {
    expect(() => startSandbox({ port: 0, rateResetUnit: "min" as "s" })).toThrow("rateResetUnit");
  });
});

describe("externalIds", () => {
  test("by default a second record with the same externalId is refused with 409", async () => {
    const sandbox = startSandbox({ port: 0 });
    const call = clientFor(sandbox);
    try {
      expect((await call("POST", "/v1/customers", { body: { externalId: "x-1" } })).status).toBe(
        201,
      );
      expect((await call("POST", "/v1/customers", { body: { externalId: "x-1" } })).status).toBe(
        409,
      );
    } finally {
      await sandbox.stop();
    }
  });

  test("uniqueExternalIds false accepts it, and records() shows both copies", async () => {
    const sandbox = startSandbox({ port: 0, uniqueExternalIds: false });
    const call = clientFor(sandbox);
    try {
      const first = await call("POST", "/v1/customers", { body: { name: "A", externalId: "x-1" } });
      const second = await call("POST", "/v1/customers", {
        body: { name: "B", externalId: "x-1" },
      });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(sandbox.records("customers").map((record) => record.attributes.name)).toEqual([
        "A",
        "B",
      ]);
      // A lookup by externalId answers with the first.
      const found = await call("GET", "/v1/customers/externalId=x-1");
      expect(dataOf(found).id).toBe(dataOf(first).id);
    } finally {
      await sandbox.stop();
    }
  });

  test("a lookup by externalId follows updates and deletes", async () => {
    const sandbox = startSandbox({ port: 0 });
    const call = clientFor(sandbox);
    try {
      const created = dataOf(await call("POST", "/v1/customers", { body: { externalId: "old" } }));
      await call("PATCH", `/v1/customers/${created.id}`, { body: { externalId: "new" } });
      expect((await call("GET", "/v1/customers/externalId=old")).status).toBe(404);
      expect(dataOf(await call("GET", "/v1/customers/externalId=new")).id).toBe(created.id);
      await call("DELETE", `/v1/customers/${created.id}`);
      expect((await call("GET", "/v1/customers/externalId=new")).status).toBe(404);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("search by externalId", () => {
  test("customer_external_id (Kustomer's snake_case) with in finds a chunk's records in one call", async () => {
    const sandbox = startSandbox({ port: 0 });
    const call = clientFor(sandbox);
    try {
      for (const externalId of ["a-1", "a-2", "a-3"]) {
        await call("POST", "/v1/customers", { body: { externalId } });
      }
      const search = (criterion: object) =>
        call("POST", "/v1/customers/search", {
          body: { queryContext: "customer", and: [criterion] },
        });
      const found = listOf(await search({ customer_external_id: { in: ["a-1", "a-3", "zz"] } }));
      expect(found.data.map((record) => record.attributes.externalId)).toEqual(["a-1", "a-3"]);
      const camel = listOf(await search({ customer_externalId: { equals: "a-2" } }));
      expect(camel.data.map((record) => record.attributes.externalId)).toEqual(["a-2"]);
      const createdAt = listOf(await search({ customer_created_at: { gte: "2000-01-01" } }));
      expect(createdAt.data).toHaveLength(3);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("KObjects by externalId (what bulk_upsert_kobjects needs)", () => {
  test("search with kobject_<klass>_external_id (in, equals) finds exactly those of that klass", async () => {
    const sandbox = startSandbox({ port: 0 });
    const call = clientFor(sandbox);
    try {
      for (const name of ["order", "device"]) {
        expect((await call("POST", "/v1/klasses", { body: { name } })).status).toBeLessThan(300);
      }
      for (const externalId of ["o-1", "o-2", "O-1x"]) {
        await call("POST", "/v1/klasses/order", { body: { title: externalId, externalId } });
      }
      await call("POST", "/v1/klasses/device", { body: { title: "d", externalId: "o-1" } });
      const search = (klass: string, criterion: object) =>
        call("POST", "/v1/customers/search", {
          body: { queryContext: `kobject_${klass}`, and: [criterion] },
        });
      const found = listOf(
        await search("order", { kobject_order_external_id: { in: ["o-1", "zz"] } }),
      );
      expect(found.data.map((record) => [record.type, record.attributes.externalId])).toEqual([
        ["kobject-order", "o-1"],
      ]);
      const one = listOf(await search("device", { kobject_device_external_id: { equals: "o-1" } }));
      expect(one.data.map((record) => record.attributes.title)).toEqual(["d"]);
    } finally {
      await sandbox.stop();
    }
  });

  test("a KObject's externalId is unique in its klass: a second create answers 409, in bulk too", async () => {
    const sandbox = startSandbox({ port: 0, bulkStepMs: 1 });
    const call = clientFor(sandbox);
    try {
      for (const name of ["order", "device"]) {
        await call("POST", "/v1/klasses", { body: { name } });
      }
      const body = { title: "Order 1", externalId: "o-1" };
      expect((await call("POST", "/v1/klasses/order", { body })).status).toBe(201);
      const again = await call("POST", "/v1/klasses/order", { body });
      expect(again.status).toBe(409);
      expect(errorsOf(again)[0]).toMatchObject({ status: 409, source: { pointer: "/externalId" } });
      // Another klass may use the same externalId.
      expect((await call("POST", "/v1/klasses/device", { body })).status).toBe(201);
      // A bulk create reports the duplicate as that item's failure, with status 409.
      const job = dataOf(
        await call("POST", "/v1/klasses/order/bulk", {
          body: [
            { _clientRef: "a", ...body },
            { _clientRef: "b", title: "Order 2", externalId: "o-2" },
          ],
        }),
      );
      await waitFor(
        () => call("GET", `/v1/bulk/${job.id}`),
        (response) => dataOf(response).attributes.status === "complete",
      );
      const [batch] = listOf(await call("GET", `/v1/bulk/${job.id}/batches`)).data;
      const results = (batch?.attributes.results ?? []) as {
        _clientRef: string;
        status: string;
        errors?: { status?: number }[];
      }[];
      expect(results.map((result) => [result._clientRef, result.status])).toEqual([
        ["a", "failure"],
        ["b", "success"],
      ]);
      expect(results[0]?.errors?.[0]?.status).toBe(409);
      expect(
        sandbox.records("kobjects:order").map((record) => record.attributes.externalId),
      ).toEqual(["o-1", "o-2"]);
    } finally {
      await sandbox.stop();
    }
  });
});

test("CLI flags: --rate-reset-unit ms and --allow-duplicate-external-ids", () => {
  expect(
    parseCliArgs(["--rate-reset-unit", "ms", "--allow-duplicate-external-ids"]).options,
  ).toEqual({ rateResetUnit: "ms", uniqueExternalIds: false });
  expect(() => parseCliArgs(["--rate-reset-unit", "h"])).toThrow("--rate-reset-unit needs s or ms");
});
