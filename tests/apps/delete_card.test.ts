import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/delete_card.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("delete_card", () => {
  test("sends DELETE /v1/cards/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0d1"],
      { method: "DELETE", path: "/v1/cards/5f1c6a3e9d1b2c0011a0b0d1", query: {} },
      { status: 204 },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(
      main,
      ["card/1 +x"],
      { method: "DELETE", path: "/v1/cards/card%2F1%20%2Bx" },
      { status: 204 },
    );
    await expectRefused(main, [""], "id is required");
  });
});
