// The sandbox's HTTP layer (sandbox/http.ts) on both of its paths: "fast" (Bun.serve under Bun's
// node:http server, what Bun 1.4.5 takes) and "adapter" (node:http's request event, what another
// Bun version would take). Every sandbox feature that depends on how requests are read and
// answered is checked on both: keep-alive, chunked request bodies, HEAD, 413, 501, injected 500s,
// the dropped connection, the access log, and the answers to requests that do not parse.
import { beforeEach, describe, expect, mock, test } from "bun:test";
import { serveHttp } from "../../sandbox/http.ts";
import { type SandboxOptions, startSandbox } from "../../sandbox/server.ts";
import {
  answerBeforeBodyEnds,
  exchange,
  parseAnswer,
  parseAnswers,
  type RawAnswer,
} from "../helpers/raw-http.ts";
import { clientFor, dataOf, errorsOf } from "../helpers/sandbox-client.ts";

beforeEach(() => {
  mock.restore(); // tests/setup.ts stubs fetch to throw; these tests talk to 127.0.0.1
});

test("on Bun 1.4.5 the fast path is taken (Bun.serve's speed, bench:sandbox)", async () => {
  const server = serveHttp({
    port: 0,
    fetch: async () => new Response("fast"),
    unparsed: () => new Response(null, { status: 400 }),
  });
  try {
    expect(server.path).toBe("fast");
    expect(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).toBe("fast");
  } finally {
    await server.stop();
  }
});

test("a port in use is an error naming it, thrown at once", async () => {
  const first = serveHttp({
    port: 0,
    fetch: async () => new Response("first"),
    unparsed: () => new Response(null, { status: 400 }),
  });
  try {
    expect(() =>
      serveHttp({
        port: first.port,
        fetch: async () => new Response("second"),
        unparsed: () => new Response(null, { status: 400 }),
      }),
    ).toThrow(`cannot listen on 127.0.0.1:${first.port}: the port is in use or not allowed`);
  } finally {
    await first.stop();
  }
});

/** The detail of the first error in a raw answer's JSON body. */
function detailOf(answer: RawAnswer): string | undefined {
  return (answer.body as { errors?: { detail?: string }[] } | undefined)?.errors?.[0]?.detail;
}

for (const httpPath of ["fast", "adapter"] as const) {
  describe(`the ${httpPath} path`, () => {
    async function withSandbox(
      options: SandboxOptions,
      run: (sandbox: ReturnType<typeof startSandbox>) => Promise<void>,
    ): Promise<void> {
      const sandbox = startSandbox({ port: 0, httpPath, ...options });
      try {
        await run(sandbox);
      } finally {
        await sandbox.stop();
      }
    }
    const auth = (sandbox: { apiKey: string }) =>
      `Host: 127.0.0.1\r\nAuthorization: Bearer ${sandbox.apiKey}\r\n`;

    test("keep-alive: two requests on one connection, two answers", async () => {
      await withSandbox({}, async (sandbox) => {
        const received = await exchange(
          sandbox.port,
          `GET /v1/customers HTTP/1.1\r\n${auth(sandbox)}\r\n`,
          `GET /v1/customers?pageSize=1 HTTP/1.1\r\n${auth(sandbox)}Connection: close\r\n\r\n`,
        );
        const answers = parseAnswers(received);
        expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
        expect(answers[1]?.body).toMatchObject({ meta: { pageSize: 1 } });
      });
    });

    test("a chunked request body is read whole", async () => {
      await withSandbox({}, async (sandbox) => {
        const chunks = ['{"na', 'me":"Chunked ', 'Ada"}'];
        const body = chunks.map((chunk) => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join("");
        const answer = parseAnswer(
          await exchange(
            sandbox.port,
            `POST /v1/customers HTTP/1.1\r\n${auth(sandbox)}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body}0\r\n\r\n`,
          ),
        );
        expect(answer.status).toBe(201);
        expect(answer.body).toMatchObject({ data: { attributes: { name: "Chunked Ada" } } });
      });
    });

    test("a streamed request body from fetch is read whole", async () => {
      await withSandbox({}, async (sandbox) => {
        const encoder = new TextEncoder();
        const response = await fetch(`${sandbox.url}/v1/customers`, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${sandbox.apiKey}`,
            "Content-Type": "application/json",
          },
          body: new ReadableStream({
            start(controller) {
              controller.enqueue(encoder.encode('{"name":'));
              controller.enqueue(encoder.encode('"Streamed"}'));
              controller.close();
            },
          }),
        });
        expect(response.status).toBe(201);
        expect(
          ((await response.json()) as { data: { attributes: { name: string } } }).data,
        ).toMatchObject({ attributes: { name: "Streamed" } });
      });
    });

    test("HEAD, which Kustomer's API does not take, is 405 with Allow and no body", async () => {
      await withSandbox({}, async (sandbox) => {
        const answer = parseAnswer(
          await exchange(
            sandbox.port,
            `HEAD /v1/customers HTTP/1.1\r\n${auth(sandbox)}Connection: close\r\n\r\n`,
          ),
        );
        expect(answer.status).toBe(405);
        expect(answer.headers.allow).toBe("GET, POST");
        expect(answer.body).toBeUndefined();
      });
    });

    test("a body over the size limit is 413; an operation it does not model is 501", async () => {
      await withSandbox({ maxBodyBytes: 1000 }, async (sandbox) => {
        const call = clientFor(sandbox);
        const large = await call("POST", "/v1/customers", { body: { name: "x".repeat(2000) } });
        expect(large.status).toBe(413);
        expect(errorsOf(large)[0]).toMatchObject({ status: 413, code: "payload_too_large" });
        const unmodelled = await call("GET", "/v1/brands");
        expect(unmodelled.status).toBe(501);
      });
    });

    test("an oversized body is refused before it is all sent: by Content-Length, or once chunks pass the limit", async () => {
      await withSandbox({ maxBodyBytes: 1000 }, async (sandbox) => {
        // 10 MB announced, 20 bytes sent: the 413 comes without waiting for (or holding) the rest.
        const declared = parseAnswer(
          await answerBeforeBodyEnds(
            sandbox.port,
            `POST /v1/customers HTTP/1.1\r\n${auth(sandbox)}Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"name":"xxxxxxxxxx`,
          ),
        );
        expect(declared.status).toBe(413);
        expect(detailOf(declared)).toContain("is 10000000 bytes");
        // Chunked: 1,500 bytes in chunks and no final chunk; the 413 comes once 1,000 are passed.
        const chunk = "x".repeat(500);
        const chunked = parseAnswer(
          await answerBeforeBodyEnds(
            sandbox.port,
            `POST /v1/customers HTTP/1.1\r\n${auth(sandbox)}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${`1f4\r\n${chunk}\r\n`.repeat(3)}`,
          ),
        );
        expect(chunked.status).toBe(413);
        expect(detailOf(chunked)).toContain("passed 1000 bytes before its end");
      });
    });

    test("failRate 1 is a 500; dropAfterCommitRate 1 commits, then drops the connection", async () => {
      await withSandbox({ failRate: 1 }, async (sandbox) => {
        expect((await clientFor(sandbox)("GET", "/v1/customers")).status).toBe(500);
      });
      await withSandbox({ dropAfterCommitRate: 1, log: () => {} }, async (sandbox) => {
        const call = clientFor(sandbox);
        const sent = call("POST", "/v1/customers", { body: { name: "Kept", externalId: "d-1" } });
        await expect(sent).rejects.toThrow();
        const found = await call("GET", "/v1/customers/externalId=d-1");
        expect(dataOf(found).attributes.name).toBe("Kept");
      });
    });

    test("an unknown method is 405 and a malformed request 400, both in the access log", async () => {
      const log: { method: string; path: string; status: number }[] = [];
      await withSandbox(
        { onResponse: ({ method, path, status }) => log.push({ method, path, status }) },
        async (sandbox) => {
          const brew = parseAnswer(
            await exchange(sandbox.port, `BREW /v1/customers HTTP/1.1\r\n${auth(sandbox)}\r\n`),
          );
          expect(brew.status).toBe(405);
          expect(brew.headers.allow).toBe("GET, POST");
          const malformed = parseAnswer(await exchange(sandbox.port, "garbage\r\n\r\n"));
          expect(malformed.status).toBe(400);
          expect(log).toEqual([
            { method: "BREW", path: "/v1/customers", status: 405 },
            { method: "?", path: "?", status: 400 },
          ]);
        },
      );
    });

    test("headers over the size limit are 431", async () => {
      await withSandbox({}, async (sandbox) => {
        const answer = parseAnswer(
          await exchange(
            sandbox.port,
            `GET /v1/customers HTTP/1.1\r\n${auth(sandbox)}X-Large: ${"a".repeat(20_000)}\r\n\r\n`,
          ),
        );
        expect(answer.status).toBe(431);
        expect(answer.body).toMatchObject({
          errors: [{ status: 431, code: "request_header_fields_too_large" }],
        });
      });
    });

    test("an unknown method after a request on a kept-alive connection is 405 too", async () => {
      await withSandbox({}, async (sandbox) => {
        const received = await exchange(
          sandbox.port,
          `GET /v1/customers HTTP/1.1\r\n${auth(sandbox)}\r\n`,
          `BREW /v1/customers HTTP/1.1\r\n${auth(sandbox)}\r\n`,
        );
        expect(parseAnswers(received).map((answer) => answer.status)).toEqual([200, 405]);
      });
    });

    test("stop() closes a kept-alive idle connection and frees the port", async () => {
      const sandbox = startSandbox({ port: 0, httpPath });
      const closed = exchange(sandbox.port, `GET /v1/customers HTTP/1.1\r\n${auth(sandbox)}\r\n`);
      await Bun.sleep(50);
      await sandbox.stop();
      expect(parseAnswers(await closed).map((answer) => answer.status)).toEqual([200]);
      await expect(fetch(`${sandbox.url}/v1/customers`)).rejects.toThrow();
    });
  });
}
