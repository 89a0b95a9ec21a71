// export_kobjects: the checks every export passes (tests/helpers/sync-harness.ts), for the klass
// "order", and the klass it needs.
import { expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/export_kobjects.ts";
import { createKlass, describeExport, seedRecords } from "../helpers/sync-harness.ts";

describeExport(
  "export_kobjects",
  (auth, ...rest) => main(auth, "order", ...rest),
  async (sandbox, count) => {
    await createKlass(sandbox, "order");
    return seedRecords(sandbox, `kobjects:order`, count, (index) => ({
      title: `Order ${index}`,
      externalId: `order-${index}`,
    }));
  },
);

test("export_kobjects needs a klass name", async () => {
  await expect(main({ apiKey: "key", baseUrl: "http://127.0.0.1:9" }, " ")).rejects.toThrow(
    /klass is required/,
  );
});
