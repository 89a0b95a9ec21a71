// The sandbox's HTTP layer: serves a fetch-style handler (Request → Response) on 127.0.0.1, and
// also answers the requests Bun's HTTP parser refuses before any handler could run, such as a
// method it does not know (`BREW /v1/customers`, a lower-case `get`).
//
// Why node:http and not Bun.serve alone: Bun.serve closes the connection on such a request without
// a byte and has no hook for it (oven-sh/bun#6556, open in Bun 1.4.5). Bun's node:http server runs
// on the same native server but reports each parse error through its `clientError` event
// (nodejs.org/api/http.html#event-clienterror), with the bytes received, so the sandbox can answer.
//
// Two ways to serve the requests that do parse:
// - the fast path: Bun's node:http server is a Bun.serve server underneath, kept (in Bun 1.4.5) under
//   Symbol.for("::bunternal::"). Reloading that server with the fetch handler serves requests as
//   Bun.serve does (the same requests per second in bench:sandbox), while its parse errors still
//   reach `clientError`. That symbol is Bun's internal, not an API, so it is looked up defensively,
//   and tests/sandbox/http.test.ts fails if Bun 1.4.5 stops taking this path. One difference from
//   a plain Bun.serve: node:http turns Bun.serve's idle timeout off, so an idle kept-alive
//   connection stays open until the client closes it or the sandbox stops;
// - the adapter: node:http's own `request` event, each request turned into a Request and each
//   Response written back. It works wherever node:http does, but costs about twice the server CPU
//   per request (78-82 µs against 35-37 for a GET of one customer; bench:sandbox GET at 0.4-0.75×
//   the fast path on a busy 2-core machine). Used only when the fast path is not there (another Bun
//   version) or when a test asks for it.
import http from "node:http";
import { type Duplex, Readable } from "node:stream";

export type FetchHandler = (request: Request) => Promise<Response>;

/** What can be read of a request that did not parse, from its raw bytes. */
export type Unparsed = {
  /**
   * Node's code for the parse error, e.g. HPE_INVALID_METHOD for a method the parser does not
   * know, HPE_HEADER_OVERFLOW for headers over the size limit.
   */
  code: string;
  /** Node's description, e.g. "Parse Error: Invalid method encountered". */
  reason: string;
  /**
   * The request line's method and target when the line is well formed (`METHOD /path HTTP/1.1`,
   * the method an HTTP token, RFC 9112 §3); undefined when it is not a request line at all.
   */
  requestLine?: { method: string; target: string };
};

export type HttpServerOptions = {
  port: number;
  fetch: FetchHandler;
  /** The answer to a request that did not parse; the connection is closed after it. */
  unparsed: (request: Unparsed) => Response;
  /** "adapter" serves through node:http's request event even when the fast path is there. */
  path?: "fast" | "adapter";
};

export type HttpServer = {
  port: number;
  /** Which path serves parsed requests: "fast" (Bun.serve underneath) or "adapter". */
  path: "fast" | "adapter";
  /** Stops listening and closes every connection, idle or not. */
  stop(): Promise<void>;
};

const HOSTNAME = "127.0.0.1";

export function serveHttp(options: HttpServerOptions): HttpServer {
  const server = http.createServer();
  server.on("clientError", (error: Error & { code?: string; rawPacket?: Buffer }, socket) => {
    answerUnparsed(socket, error, options.unparsed);
  });
  // Bun's node:http binds inside listen(), synchronously (so startSandbox() can return the port at
  // once), but reports a failure (a port in use) as an `error` event on the next tick: the address
  // tells now whether it is listening, and that later event, already said here, is ignored.
  server.listen(options.port, HOSTNAME);
  const address = server.address();
  if (address === null || typeof address === "string") {
    server.once("error", () => {});
    throw new Error(
      `cannot listen on ${HOSTNAME}:${options.port}: the port is in use or not allowed`,
    );
  }
  const fast = options.path !== "adapter" ? bunServerUnder(server) : undefined;
  if (fast) {
    fast.reload({ fetch: options.fetch });
  } else {
    server.on("request", adapt(options.fetch, `http://${HOSTNAME}:${address.port}`));
  }
  return {
    port: address.port,
    path: fast ? "fast" : "adapter",
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The Bun.serve server under Bun's node:http server, when this Bun keeps it where 1.4.5 does. */
function bunServerUnder(
  server: http.Server,
): { reload(options: { fetch: FetchHandler }): void } | undefined {
  const inner = (server as unknown as { [key: symbol]: unknown })[Symbol.for("::bunternal::")];
  const reload = (inner as { reload?: unknown } | undefined)?.reload;
  return typeof reload === "function"
    ? (inner as { reload(options: { fetch: FetchHandler }): void })
    : undefined;
}

/** node:http's request event → the fetch handler → the response, for the adapter path. */
function adapt(
  handle: FetchHandler,
  origin: string,
): (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => void {
  return (incoming, outgoing) => {
    const method = incoming.method ?? "GET";
    const raw = incoming.rawHeaders;
    const headers: [string, string][] = [];
    for (let index = 0; index + 1 < raw.length; index += 2) {
      headers.push([raw[index] as string, raw[index + 1] as string]);
    }
    const url = `${origin}${incoming.url ?? "/"}`;
    const respond = (body: ReadableStream | undefined) => {
      handle(new Request(url, { method, headers, body }))
        .then((response) => writeResponse(response, outgoing))
        // The socket itself: Bun 1.4.5 answers "200" with an empty body when an unanswered
        // ServerResponse is destroyed after the request event returned.
        .catch(() => incoming.socket.destroy());
    };
    if (method === "GET" || method === "HEAD") {
      incoming.resume();
      respond(undefined);
      return;
    }
    // The body as a stream, as Bun.serve gives it: the handler refuses an oversized one (413)
    // before reading it all.
    respond(Readable.toWeb(incoming) as ReadableStream);
  };
}

async function writeResponse(response: Response, outgoing: http.ServerResponse): Promise<void> {
  const headers = response.headers.toJSON();
  if (response.body === null) {
    outgoing.writeHead(response.status, headers).end();
    return;
  }
  // A body stream that fails (the sandbox's dropped-connection fault) rejects here: the caller
  // destroys the socket before a status line went out, as Bun.serve does.
  const body = new Uint8Array(await response.arrayBuffer());
  headers["content-length"] = String(body.byteLength);
  outgoing.writeHead(response.status, headers).end(body);
}

/** METHOD SP request-target SP HTTP-version (RFC 9112 §3), the method an HTTP token. */
const REQUEST_LINE =
  /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}) (\/[\x21-\x7e]{0,2047}|\*) HTTP\/1\.[01]$/;

/** Writes the answer to a request that did not parse, then closes the connection. */
function answerUnparsed(
  socket: Duplex,
  error: Error & { code?: string; rawPacket?: Buffer },
  unparsed: (request: Unparsed) => Response,
): void {
  // A client that went away (ECONNRESET) or a socket already closing: nothing to answer.
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  // Only the first line, to name the method and path in the answer; the request is not parsed any
  // further (node:http's parser already said what is wrong). rawPacket is the packet the error was
  // found in: on loopback a request line arrives whole in one, and when a client pipelines a
  // request behind another in the same packet, the first line is the earlier request's (named in
  // the answer's detail; its status and the closed connection are still right).
  const line = error.rawPacket?.toString("latin1", 0, 2200).split("\r\n", 1)[0] ?? "";
  const match = REQUEST_LINE.exec(line);
  const response = unparsed({
    code: error.code ?? "HPE_UNKNOWN",
    reason: error.message,
    requestLine: match ? { method: match[1] as string, target: match[2] as string } : undefined,
  });
  void response.text().then((body) => {
    const head = [`HTTP/1.1 ${response.status} ${http.STATUS_CODES[response.status] ?? ""}`];
    response.headers.forEach((value, name) => {
      head.push(`${name}: ${value}`);
    });
    head.push(`content-length: ${Buffer.byteLength(body)}`, "connection: close", "", "");
    socket.end(head.join("\r\n") + body);
  });
}
