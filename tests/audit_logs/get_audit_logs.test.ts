import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/audit_logs/get_audit_logs.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const logs = {
  meta: { count: 1, total: 3000 },
  links: { next: "/v1/audit-logs?count=1&before=62799c44a96e7f160834199c" },
  data: [
    {
      type: "audit_log",
      id: "62799c44a96e7f160834199c",
      attributes: {
        eventName: "kustomer.customer.update",
        eventVerb: "update",
        objectType: "customer",
      },
    },
  ],
};

describe("get_audit_logs", () => {
  test("sends the filters as filter[objectType], filter[objectId] and so on", async () => {
    const { request } = await callAndCheck(
      main,
      [
        500,
        undefined,
        undefined,
        "customer",
        "5f1c6a3e9d1b2c0011a0b0c1",
        "5f1c6a3e9d1b2c0011a0b0u1",
        "user,shortcut",
        "2026-01-01T00:00:00.000Z",
        "2026-01-31T23:59:59.999Z",
      ],
      {
        method: "GET",
        path: "/v1/audit-logs",
        query: {
          count: "500",
          "filter[objectType]": "customer",
          "filter[objectId]": "5f1c6a3e9d1b2c0011a0b0c1",
          "filter[userId]": "5f1c6a3e9d1b2c0011a0b0u1",
          "filter[include]": "user,shortcut",
          "filter[start]": "2026-01-01T00:00:00.000Z",
          "filter[end]": "2026-01-31T23:59:59.999Z",
        },
      },
      { status: 200, body: logs },
    );
    expect(request.url.search).toStartWith("?count=500&filter%5BobjectType%5D=customer&");
  });

  test("pages with the after and before cursors", async () => {
    await callAndCheck(
      main,
      [100, "12398b37f821774356daa2a5", "45698b37f821774356dcc2g1"],
      {
        method: "GET",
        path: "/v1/audit-logs",
        query: {
          count: "100",
          after: "12398b37f821774356daa2a5",
          before: "45698b37f821774356dcc2g1",
        },
      },
      { status: 200, body: logs },
    );
  });

  test("without values no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/audit-logs", query: {} },
      {
        status: 200,
        body: logs,
      },
    );
  });
});
