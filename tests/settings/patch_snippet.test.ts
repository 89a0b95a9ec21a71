import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/patch_snippet.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = { langs: { en_us: "45 days" } };
const answer = kustomerRecord("snippet", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("patch_snippet", () => {
  test("sends PATCH /v1/snippets/{id} and the body", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", sent],
      { method: "PATCH", path: `/v1/snippets/5f1c6a3e9d1b2c0011a0b0c7`, query: {}, body: sent },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip", sent], {
      method: "PATCH",
      path: "/v1/snippets/acct%2F42%20%2Bvip",
      body: sent,
    });
    await expectRefused(main, ["", sent], "id is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", ["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
