import { describe, test } from "bun:test";
import { main } from "../../scripts/companies/create_company_hierarchy_edge.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  sourceId: "5f1c6a3e9d1b2c0011a0b0c1",
  targetId: "5f1c6a3e9d1b2c0011a0b0c2",
  name: "company_hierarchy",
};
const answer = kustomerRecord("kedge", "5f1c6a3e9d1b2c0011a0b0c9", sent);

describe("create_company_hierarchy_edge", () => {
  test("sends POST /v1/kedge and the body", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "POST", path: "/v1/kedge", query: {}, body: sent },
      { status: 201, body: answer },
    );
  });

  test("a body that is not an object is refused before sending", async () => {
    await expectRefused(main, [["a", "b"] as never], "body must be an object (got a list)");
  });

  test("the parent and the child are required", async () => {
    await expectRefused(
      main,
      [{ targetId: "5f1c6a3e9d1b2c0011a0b0c2" } as never],
      "body.sourceId is required",
    );
    await expectRefused(
      main,
      [{ sourceId: "5f1c6a3e9d1b2c0011a0b0c1" } as never],
      "body.targetId is required",
    );
  });

  test("a documented field of the wrong type is refused before sending", async () => {
    await expectRefused(
      main,
      [{ ...sent, targetId: 42 } as never],
      "body.targetId must be a string (got 42)",
    );
  });

  test("fields the reference page does not list are sent as they are", async () => {
    const extra = { ...sent, note: "from the CRM sync" };
    await callAndCheck(main, [extra as never], { method: "POST", path: "/v1/kedge", body: extra });
  });
});
