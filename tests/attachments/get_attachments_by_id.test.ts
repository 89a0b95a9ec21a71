import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/attachments/get_attachments_by_id.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const record = kustomerRecord("attachment", "5f1c6a3e9d1b2c0011a0b0e1", { name: "receipt.pdf" });

describe("get_attachments_by_id", () => {
  test("sends GET /v1/attachments/{id} and returns the attachment", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0e1"],
      { method: "GET", path: "/v1/attachments/5f1c6a3e9d1b2c0011a0b0e1", query: {} },
      { status: 200, body: record },
    );
  });

  test("a comma-separated list of ids keeps its commas; other characters are percent-encoded", async () => {
    await callAndCheck(main, ["5f1c6a3e9d1b2c0011a0b0e1,5f1c6a3e9d1b2c0011a0b0e2"], {
      method: "GET",
      path: "/v1/attachments/5f1c6a3e9d1b2c0011a0b0e1,5f1c6a3e9d1b2c0011a0b0e2",
    });
    await callAndCheck(main, ["file/42 +x"], {
      method: "GET",
      path: "/v1/attachments/file%2F42%20%2Bx",
    });
    await expectRefused(main, [""], "id is required");
  });

  test("a 500 on a GET is retried", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, record),
    );
    expect(await main(TEST_AUTH, "5f1c6a3e9d1b2c0011a0b0e1")).toEqual(record);
    expect(calls).toHaveLength(2);
  });
});
