import { describe, test } from "bun:test";
import { main } from "../../scripts/companies/set_company_parent.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[2] = { parentId: "5f1c6a3e9d1b2c0011a0b0c1" };
const answer = kustomerRecord("kedge", "5f1c6a3e9d1b2c0011a0b0c9", {
  sourceId: sent.parentId,
  targetId: "5f1c6a3e9d1b2c0011a0b0c2",
});

describe("set_company_parent", () => {
  test("sends POST /v1/kedge/{id}/parent and the body", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c2", sent],
      {
        method: "POST",
        path: "/v1/kedge/5f1c6a3e9d1b2c0011a0b0c2/parent",
        query: {},
        body: sent,
      },
      { status: 201, body: answer },
    );
  });

  test("the company id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +x", sent], {
      method: "POST",
      path: "/v1/kedge/acct%2F42%20%2Bx/parent",
      body: sent,
    });
    await expectRefused(main, ["", sent], "id is required");
  });

  test("the parent is required and must be a string", async () => {
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c2", {} as never],
      "body.parentId is required",
    );
    await expectRefused(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c2", { parentId: ["x"] } as never],
      "body.parentId must be a string",
    );
  });
});
