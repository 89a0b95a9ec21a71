import { describe, test } from "bun:test";
import { main } from "../../scripts/customers/bulk_delete_customers.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

describe("bulk_delete_customers", () => {
  test("sends DELETE /v1/customers/bulk?ids=a,b from a list or a comma-separated string", async () => {
    const answer = {
      status: 201,
      body: { data: { type: "bulk", id: "b1", attributes: { status: "queued" } } },
    };
    for (const ids of [["c1", "c2"], "c1,c2"]) {
      await callAndCheck(
        main,
        [ids],
        { method: "DELETE", path: "/v1/customers/bulk", query: { ids: "c1,c2" } },
        answer,
      );
    }
  });

  test("refuses to run without ids, although the row marks them optional", async () => {
    for (const missing of [undefined, "", []]) {
      await expectRefused(main, [missing], "ids is required");
    }
  });
});
