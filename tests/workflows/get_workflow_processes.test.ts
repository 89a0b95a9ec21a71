import { describe, test } from "bun:test";
import { main } from "../../scripts/workflows/get_workflow_processes.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = {
  data: [
    {
      type: "workflow_process",
      id: "5f1c6a3e9d1b2c0011a0b0c7",
      attributes: {
        error: "Request failed with status 500",
        workflowId: "5f1c6a3e9d1b2c0011a0b0c7",
      },
    },
  ],
  links: { next: null },
};

describe("get_workflow_processes", () => {
  test("sends GET /v1/workflows/{id}/processes with page and pageSize", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7", 2, 50],
      {
        method: "GET",
        path: `/v1/workflows/5f1c6a3e9d1b2c0011a0b0c7/processes`,
        query: { page: "2", pageSize: "50" },
      },
      { status: 200, body: answer },
    );
  });

  test("without the optional query values, no query is sent", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/workflows/5f1c6a3e9d1b2c0011a0b0c7/processes`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("a page below 1 is refused before sending", async () => {
    await expectRefused(main, ["5f1c6a3e9d1b2c0011a0b0c7", 0], "page must be at least 1");
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/workflows/acct%2F42%20%2Bvip/processes",
    });
    await expectRefused(main, [""], "id is required");
  });
});
