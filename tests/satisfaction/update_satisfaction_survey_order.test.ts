import { describe, test } from "bun:test";
import { main } from "../../scripts/satisfaction/update_satisfaction_survey_order.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[1] = {
  satisfactionForms: ["5f1c6a3e9d1b2c0011a0b0e2", "5f1c6a3e9d1b2c0011a0b0e1"],
};

describe("update_satisfaction_survey_order", () => {
  test("sends PUT /v1/satisfaction/order and the order as given", async () => {
    await callAndCheck(
      main,
      [sent],
      { method: "PUT", path: "/v1/satisfaction/order", query: {}, body: sent },
      { status: 200, body: { data: [] } },
    );
  });

  test("more than the 500 ids Kustomer's page allows is refused before sending", async () => {
    const ids = Array.from({ length: 501 }, (_, index) => `s${index}`);
    await expectRefused(main, [{ satisfactionForms: ids }], "body.satisfactionForms");
  });

  test("the ids must be strings", async () => {
    await expectRefused(main, [{ satisfactionForms: [42] as never }], "body.satisfactionForms[0]");
  });
});
