import { describe, test } from "bun:test";
import { main } from "../../scripts/knowledge_base/create_knowledge_base.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// Free-form: the fields Kustomer's page names (subdomain, theme) and any other go through as sent.
const sent: Parameters<typeof main>[1] = {
  subdomain: "acme-outdoors",
  theme: "65a0c1d2e3f4a5b6c7d8e9f0",
  languages: ["en_us", "fr"],
};
const answer = kustomerRecord("kb_knowledge_base", "65a0c1d2e3f4a5b6c7d8e9f1", {
  ...sent,
  default: false,
});

describe("create_knowledge_base", () => {
  test("sends POST /v1/kb/knowledge-bases and the body as given", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/kb/knowledge-bases", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(main, [["acme-outdoors"] as never], "body must be an object (got a list)");
  });
});
