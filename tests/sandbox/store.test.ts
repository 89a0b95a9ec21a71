// The sandbox store's lookups (by email, phone, externalId and bulk job) go through indexes that
// follow every write, and a transaction's writes all reach the SQLite file.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Doc, Store } from "../../sandbox/store.ts";

const scratch = mkdtempSync(join(tmpdir(), "kustomer-store-"));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const customer = (id: string, email: string, phone: string): Doc => ({
  id,
  attributes: { emails: [{ email }], phones: [{ phone }] },
  rel: {},
});

describe("lookups through indexes", () => {
  test("by email in any case, by phone whatever its spacing, and they follow updates", () => {
    const store = new Store();
    store.put("customers", customer("c1", "Ada@Example.com", "+1 (555) 010-2030"));
    store.put("customers", customer("c2", "grace@example.com", "+15550102031"));
    expect(store.findBy("email", "customers", "ada@example.com").map((doc) => doc.id)).toEqual([
      "c1",
    ]);
    expect(store.findBy("phone", "customers", "+15550102030").map((doc) => doc.id)).toEqual(["c1"]);
    store.put("customers", customer("c1", "ada@new.example", "+15550109999"));
    expect(store.findBy("email", "customers", "ada@example.com")).toEqual([]);
    expect(store.findBy("email", "customers", "ada@new.example").map((doc) => doc.id)).toEqual([
      "c1",
    ]);
    store.remove("customers", "c2");
    expect(store.findBy("phone", "customers", "+15550102031")).toEqual([]);
  });

  test("several matches come oldest first", () => {
    const store = new Store();
    store.put("customers", customer("old", "same@example.com", "1"));
    store.put("customers", customer("new", "same@example.com", "2"));
    store.put("customers", customer("old", "same@example.com", "3")); // an update keeps its place
    expect(store.findBy("email", "customers", "same@example.com").map((doc) => doc.id)).toEqual([
      "old",
      "new",
    ]);
  });

  test("bulk batches are found by their job", () => {
    const store = new Store();
    for (const [id, job] of [
      ["b1", "j1"],
      ["b2", "j2"],
      ["b3", "j1"],
    ] as const) {
      store.put("bulk-batches", { id, attributes: {}, rel: { bulk: job } });
    }
    expect(store.findBy("bulk", "bulk-batches", "j1").map((doc) => doc.id)).toEqual(["b1", "b3"]);
  });
});

describe("transactions with a database", () => {
  test("every write of a transaction is in the file, and the indexes are rebuilt on load", () => {
    const path = join(scratch, "transaction.sqlite");
    const store = new Store(path);
    const result = store.transaction(() => {
      store.put("customers", customer("c1", "a@example.com", "1"));
      store.put("customers", customer("c2", "b@example.com", "2"));
      return store.transaction(() => "nested calls join the outer transaction");
    });
    expect(result).toBe("nested calls join the outer transaction");
    store.close();
    const reopened = new Store(path);
    expect(reopened.list("customers").map((doc) => doc.id)).toEqual(["c1", "c2"]);
    expect(reopened.findBy("email", "customers", "b@example.com").map((doc) => doc.id)).toEqual([
      "c2",
    ]);
    reopened.close();
  });

  test("a file in a folder that does not exist is named in the error", () => {
    expect(() => new Store(join(scratch, "missing", "x.sqlite"))).toThrow(
      `could not open the SQLite file ${join(scratch, "missing", "x.sqlite")}`,
    );
  });
});
