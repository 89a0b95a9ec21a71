// Raw HTTP/1.1 over TCP to 127.0.0.1, for what fetch cannot send or show: a method Bun's fetch
// rewrites (BREW goes out as GET), a malformed request line, several requests on one connection.

/**
 * Writes each part in turn on one connection (waiting for an answer to start between parts, so a
 * later part goes out on a connection the server kept alive) and resolves with every byte
 * received once the server closes the connection; rejects after 5 s.
 */
export function exchange(port: number, ...parts: string[]): Promise<string> {
  return converse(port, parts, false);
}

/**
 * Writes a request whose body is never finished and resolves with the answer the server gives
 * anyway (its head and whatever body follows within 100 ms), then closes the connection; rejects
 * after 5 s without an answer. For a server that must refuse a body before reading it all.
 */
export function answerBeforeBodyEnds(port: number, request: string): Promise<string> {
  return converse(port, [request], true);
}

/** The connection both of the above hold: until the server closes it, or until its first answer. */
function converse(port: number, parts: string[], untilFirstAnswer: boolean): Promise<string> {
  const timeoutMs = 5000;
  return new Promise<string>((resolve, reject) => {
    let received = "";
    let answers = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        outcome();
      }
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`no answer within ${timeoutMs} ms; got ${received}`))),
      timeoutMs,
    );
    const queue = [...parts];
    Bun.connect({
      hostname: "127.0.0.1",
      port,
      socket: {
        open(socket) {
          socket.write(queue.shift() ?? "");
        },
        data(socket, chunk) {
          received += chunk.toString("latin1");
          if (untilFirstAnswer) {
            if (received.includes("\r\n\r\n")) {
              setTimeout(
                () =>
                  settle(() => {
                    socket.end();
                    resolve(received);
                  }),
                100,
              );
            }
            return;
          }
          const started = received.split("HTTP/1.1 ").length - 1;
          if (started > answers) {
            answers = started;
            const next = queue.shift();
            if (next !== undefined) {
              socket.write(next);
            }
          }
        },
        close() {
          settle(() => resolve(received));
        },
        error(_socket, error) {
          settle(() => reject(error));
        },
      },
    }).catch((error: unknown) => settle(() => reject(error)));
  });
}

export type RawAnswer = {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: { [name: string]: string };
  /** The body parsed as JSON, or the text when it is not JSON, or undefined when empty. */
  body: unknown;
};

/** The answers in what exchange() received, in order (Content-Length bodies only). */
export function parseAnswers(received: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = received;
  while (rest.startsWith("HTTP/1.1 ")) {
    const headEnd = rest.indexOf("\r\n\r\n");
    if (headEnd === -1) {
      throw new Error(`an answer without the end of its headers: ${rest}`);
    }
    const [statusLine = "", ...lines] = rest.slice(0, headEnd).split("\r\n");
    const headers: { [name: string]: string } = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers["content-length"] ?? 0);
    const text = rest.slice(headEnd + 4, headEnd + 4 + length);
    rest = rest.slice(headEnd + 4 + length);
    let body: unknown = text === "" ? undefined : text;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      // not JSON: the text as it came
    }
    answers.push({ status: Number(statusLine.split(" ")[1]), headers, body });
  }
  if (rest !== "") {
    throw new Error(`bytes after the last answer: ${rest}`);
  }
  return answers;
}

/** The one answer in what exchange() received; throws when there are none or several. */
export function parseAnswer(received: string): RawAnswer {
  const answers = parseAnswers(received);
  if (answers.length !== 1) {
    throw new Error(`expected one answer, got ${answers.length}: ${received}`);
  }
  return answers[0] as RawAnswer;
}
