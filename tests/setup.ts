// Preloaded by bunfig.toml for every test file. Tests never reach the internet: until a test
// stubs fetch (tests/helpers/fetch-stub.ts) or restores it to talk to a server it started on
// 127.0.0.1, any request fails loudly.
import { afterEach, beforeEach, mock, setDefaultTimeout, spyOn } from "bun:test";

// Tests that start servers or processes get room on a slow, shared machine (bun's default is 5 s).
setDefaultTimeout(20_000);

beforeEach(() => {
  spyOn(globalThis, "fetch").mockImplementation((async (input: string | URL | Request) => {
    throw new Error(
      `unexpected network call to ${String(input instanceof Request ? input.url : input)}`,
    );
  }) as unknown as typeof fetch);
});

afterEach(() => {
  mock.restore();
});
