import { describe, test } from "bun:test";
import { main } from "../../scripts/customers/get_customer_event.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const CUSTOMER = "5f1c6a3e9d1b2c0011a0b0c1";
const EVENT = "5f1c6a3e9d1b2c0011a0b0e7";

describe("get_customer_event", () => {
  test("sends GET /v1/customers/{customerId}/events/{id} and returns the event", async () => {
    const event = { data: { type: "tracking_event", id: EVENT, attributes: { name: "signup" } } };
    await callAndCheck(
      main,
      [CUSTOMER, EVENT],
      { method: "GET", path: `/v1/customers/${CUSTOMER}/events/${EVENT}` },
      { status: 200, body: event },
    );
  });

  test("both ids are percent-encoded and required", async () => {
    await callAndCheck(main, ["c/1", "e 2"], {
      method: "GET",
      path: "/v1/customers/c%2F1/events/e%202",
    });
    await expectRefused(main, ["", EVENT], "customerId is required");
    await expectRefused(main, [CUSTOMER, ""], "id is required");
  });
});
