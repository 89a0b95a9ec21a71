import { describe, test } from "bun:test";
import { main } from "../../scripts/satisfaction/update_satisfaction_survey.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const ID = "5f1c6a3e9d1b2c0011a0b0e1";
const PATH = `/v1/satisfaction/${ID}`;

describe("update_satisfaction_survey", () => {
  test("sends PUT /v1/satisfaction/{id} with only the fields given (criteria left out keeps the rules)", async () => {
    const sent: Parameters<typeof main>[2] = { name: "Post-conversation survey" };
    await callAndCheck(
      main,
      [ID, sent],
      { method: "PUT", path: PATH, query: {}, body: sent },
      { status: 200, body: kustomerRecord("satisfaction", ID, sent) },
    );
  });

  test("criteria null is sent as null, so the audience rules can be cleared on purpose", async () => {
    await callAndCheck(main, [ID, { criteria: null }], {
      method: "PUT",
      path: PATH,
      body: { criteria: null },
    });
  });

  test("empty and/or lists are what an untouched Windmill form sends: taken as not set, never as a clear", async () => {
    await callAndCheck(main, [ID, { name: "Survey", criteria: { and: [], or: [] } }], {
      method: "PUT",
      path: PATH,
      body: { name: "Survey" },
    });
    await expectRefused(main, [ID, { criteria: { and: [], or: [] } }], "body has no fields set");
  });

  test("enabled must be a boolean; fields the page does not name are sent as they are", async () => {
    await expectRefused(
      main,
      [ID, { enabled: "yes" } as never],
      'body.enabled must be true or false (got "yes")',
    );
    const extra = { enabled: true, channel: "email", question: "How did we do?" };
    await callAndCheck(main, [ID, extra as never], { method: "PUT", path: PATH, body: extra });
  });

  test("the id is required", async () => {
    await expectRefused(main, ["", { name: "Survey" }], "id is required");
  });
});
