import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/get_kb_route.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const answer = kustomerRecord("kb_route", "5f1c6a3e9d1b2c0011a0b0c7", {
  url: "https://acme.kustomer.help/en_us/returns",
  routableType: "kb_article",
  routableId: "5f1c6a3e9d1b2c0011a0b0f6",
});

describe("get_kb_route", () => {
  test("sends GET /v1/kb/route", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/kb/route", query: {} },
      { status: 200, body: answer },
    );
  });
});
