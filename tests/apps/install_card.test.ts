import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/install_card.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

// The page names the contexts, not the body's field names, so the body goes through as sent.
const sent: Parameters<typeof main>[2] = { contexts: ["customer", "kobject.order"] };
const answer = kustomerRecord("card", "5f1c6a3e9d1b2c0011a0b0d1", sent);

describe("install_card", () => {
  test("sends POST /v1/cards/available/{id}/install and the body as given", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0d0", sent],
      {
        method: "POST",
        path: "/v1/cards/available/5f1c6a3e9d1b2c0011a0b0d0/install",
        query: {},
        body: sent,
      },
      { status: 201, body: answer },
    );
  });

  test("the card id is percent-encoded and required; the body must be an object", async () => {
    await callAndCheck(main, ["c/1", sent], {
      method: "POST",
      path: "/v1/cards/available/c%2F1/install",
      body: sent,
    });
    await expectRefused(main, ["", sent], "id is required");
    await expectRefused(main, ["c1", ["customer"] as never], "body must be an object (got a list)");
  });
});
