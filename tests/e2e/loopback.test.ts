// The scripts over real HTTP: a server on 127.0.0.1 that throttles, fails and drops connections the
// way a busy API does, called through main() with a baseUrl resource.

import { afterAll, beforeAll, beforeEach, describe, expect, mock, test } from "bun:test";
import type { TCPSocketListener } from "bun";
import { main as bulkUpdateCustomers } from "../../scripts/customers/bulk_batch_update_customers.ts";
import { main as createCustomer } from "../../scripts/customers/create_customer.ts";
import { main as updateCustomerAttributes } from "../../scripts/customers/update_customer_attributes.ts";

type Behaviour = (request: Request, count: number) => Response | Promise<Response>;
const API_KEY = "loopback-key-5e4d3c2b1a";
let behaviour: Behaviour = () => new Response(null, { status: 204 });
let received: { method: string; path: string; body: string }[] = [];
let server: ReturnType<typeof Bun.serve>;
let dropper: TCPSocketListener<undefined>;
let dropped = 0;

beforeAll(() => {
  server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const url = new URL(request.url);
      received.push({
        method: request.method,
        path: url.pathname + url.search,
        body: await request.text(),
      });
      return behaviour(request, received.length);
    },
  });
  // A server that reads the request and closes the connection without answering, as a proxy or
  // a crashing API node would after the write went through.
  dropper = Bun.listen({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      data(socket) {
        dropped++;
        socket.end();
      },
    },
  });
});

afterAll(() => {
  server.stop(true);
  dropper.stop(true);
});

beforeEach(() => {
  mock.restore(); // the real fetch: these tests talk to the loopback servers above
  received = [];
  dropped = 0;
});

const auth = () => ({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${server.port}` });
const rateHeaders = {
  "x-ratelimit-limit": "300",
  "x-ratelimit-remaining": "0",
  "x-ratelimit-reset": "0",
};

describe("over real HTTP on 127.0.0.1", () => {
  test("a POST throttled twice is sent again until it goes through", async () => {
    behaviour = (_request, count) =>
      count <= 2
        ? Response.json(
            { errors: [{ code: "too_many_requests" }] },
            { status: 429, headers: { ...rateHeaders, "retry-after": "0" } },
          )
        : Response.json({ data: { type: "customer", id: "c9" } }, { status: 201 });
    const result = await createCustomer(auth(), { name: "Ada" });
    expect(result).toEqual({ data: { type: "customer", id: "c9" } });
    expect(received.map((item) => `${item.method} ${item.path} ${item.body}`)).toEqual(
      Array(3).fill('POST /v1/customers {"name":"Ada"}'),
    );
  });

  test("a PUT that meets a 502 is repeated; the second answer is returned", async () => {
    behaviour = (_request, count) =>
      count === 1
        ? new Response("<html>bad gateway</html>", { status: 502 })
        : Response.json({ data: { type: "bulk", id: "b1" } }, { status: 201 });
    const result = await bulkUpdateCustomers(auth(), "c1,c2", [{ id: "c1", name: "Ada" }]);
    expect(result).toEqual({ data: { type: "bulk", id: "b1" } });
    expect(received.map((item) => item.path)).toEqual([
      "/v1/customers/bulk?ids=c1%2Cc2",
      "/v1/customers/bulk?ids=c1%2Cc2",
    ]);
  });

  test("a PATCH whose connection drops is not sent twice, and the error says why", async () => {
    const droppingAuth = { apiKey: API_KEY, baseUrl: `http://127.0.0.1:${dropper.port}` };
    const error = (await updateCustomerAttributes(droppingAuth, "c1", { name: "Ada" }).catch(
      (caught: unknown) => caught,
    )) as Error;
    expect(dropped).toBe(1);
    expect(error).toMatchObject({
      name: "KustomerError",
      status: 0,
      code: "network_error",
      attempts: 1,
    });
    expect(error.message).toContain(
      "not retried automatically: the request may have been processed",
    );
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain(API_KEY);
  });

  test("a 401 comes back as Kustomer's message with the rate-limit headers, key-free", async () => {
    behaviour = () =>
      Response.json(
        {
          errors: [
            {
              status: 401,
              code: "unauthorized",
              title: "Unauthorized",
              detail: `bad token ${API_KEY}`,
            },
          ],
        },
        { status: 401, headers: { ...rateHeaders, "x-ratelimit-remaining": "299" } },
      );
    const error = (await createCustomer(auth(), { name: "Ada" }).catch(
      (caught: unknown) => caught,
    )) as Error;
    expect(error).toMatchObject({
      status: 401,
      code: "unauthorized",
      rateLimit: { limit: 300, remaining: 299, reset: 0 },
    });
    expect(error.message).toBe(
      "Kustomer POST /v1/customers failed: 401 Unauthorized: bad token [redacted]",
    );
    expect(received).toHaveLength(1);
  });
});
