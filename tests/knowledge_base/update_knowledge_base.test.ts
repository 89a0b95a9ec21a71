import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/update_knowledge_base.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// PATCH: only what is sent changes, so the body holds just the field to change.
const sent: Parameters<typeof main>[2] = { subdomain: "acme-help" };
const answer = kustomerRecord("kb_knowledge_base", "65a0c1d2e3f4a5b6c7d8e9f1", sent);

describe("update_knowledge_base", () => {
  test("sends PATCH /v1/kb/knowledge-bases/{id} and only the body given", async () => {
    await callAndCheck(
      main,
      ["65a0c1d2e3f4a5b6c7d8e9f1", sent],
      {
        method: "PATCH",
        path: "/v1/kb/knowledge-bases/65a0c1d2e3f4a5b6c7d8e9f1",
        query: {},
        body: sent,
      },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["kb/1 +x", sent], {
      method: "PATCH",
      path: "/v1/kb/knowledge-bases/kb%2F1%20%2Bx",
      body: sent,
    });
    await expectRefused(main, ["", sent], "id is required");
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(
      main,
      ["65a0c1d2e3f4a5b6c7d8e9f1", "acme-help" as never],
      "body must be an object",
    );
  });
});
