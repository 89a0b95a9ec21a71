import { describe, test } from "bun:test";
import { main } from "../../scripts/settings/create_snippet.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  name: "Return window",
  key: "return_window",
  langs: { en_us: "30 days" },
};
const answer = kustomerRecord("snippet", "5f1c6a3e9d1b2c0011a0b0c7", sent);

describe("create_snippet", () => {
  test("sends POST /v1/snippets and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/snippets", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      [["not", "an", "object"] as never],
      "body must be an object (got a list)",
    );
  });
});
