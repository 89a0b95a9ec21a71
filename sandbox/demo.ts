// `bun run demo`: a first run that needs no Kustomer account. Starts the local sandbox on a free
// port, then drives the scripts' own main() functions against it, the way a Windmill flow would:
// bulk-create customers, wait for the bulk operation, update one customer's attributes, add
// messages in bulk, and read them back. Prints each step; exits 1 if any step fails.
import { kustomerRequest } from "../resources/kustomer.ts";
import { main as bulkCreateCustomers } from "../scripts/customers/bulk_create_customers.ts";
import { main as getCustomerByExternalId } from "../scripts/customers/get_customer_by_external_id.ts";
import { main as getMessagesByCustomer } from "../scripts/customers/get_messages_by_customer.ts";
import { main as updateCustomerAttributes } from "../scripts/customers/update_customer_attributes.ts";
import { main as bulkCreateMessages } from "../scripts/messages/bulk_create_messages.ts";
import { startSandbox } from "./server.ts";

type Document = { data: { id: string; attributes: { [field: string]: unknown } } };
type ListDocument = { data: { id: string; attributes: { [field: string]: unknown } }[] };
type BulkResult = {
  _clientRef?: string;
  status: string;
  id?: string;
  errors?: { detail?: string }[];
};

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Polls a bulk operation until it completes, then returns its per-item results. (The collection's
 * own wait-for-bulk script is on its way; this uses the same shared request code the scripts use.)
 */
async function waitForBulk(
  auth: { apiKey: string; baseUrl: string },
  bulkId: string,
): Promise<BulkResult[]> {
  for (let poll = 0; poll < 200; poll++) {
    const bulk = (await kustomerRequest(auth, {
      operation: "GetBulkOperationById",
      method: "GET",
      path: "/v1/bulk/{id}",
      pathParams: { id: bulkId },
    })) as Document;
    if (bulk.data.attributes.status === "complete") {
      const batches = (await kustomerRequest(auth, {
        operation: "GetBulkOperationBatches",
        method: "GET",
        path: "/v1/bulk/{id}/batches",
        pathParams: { id: bulkId },
      })) as ListDocument;
      return batches.data.flatMap(
        (batch) => (batch.attributes.results as BulkResult[] | undefined) ?? [],
      );
    }
    await Bun.sleep(25);
  }
  throw new Error(`bulk operation ${bulkId} did not complete`);
}

async function demo(): Promise<void> {
  const sandbox = startSandbox({ port: 0 });
  const auth = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
  say(`1. Started the Kustomer sandbox at ${sandbox.url} (in memory; no account needed).`);
  try {
    const people = ["Ada Lovelace", "Grace Hopper", "Katherine Johnson"];
    const queued = (await bulkCreateCustomers(
      auth,
      people.map((name, index) => ({
        _clientRef: `row-${index + 1}`,
        name,
        externalId: `crm-${1001 + index}`,
        emails: [{ type: "work", email: `${name.split(" ")[0]?.toLowerCase()}@example.com` }],
      })),
    )) as Document;
    say(
      `2. bulk_create_customers queued ${people.length} customers as bulk operation ${queued.data.id}.`,
    );

    const created = await waitForBulk(auth, queued.data.id);
    say(
      `3. The bulk operation completed: ${created.map((item) => `${item._clientRef} → ${item.status} ${item.id ?? ""}`).join(", ")}.`,
    );

    const ada = (await getCustomerByExternalId(auth, "crm-1001")) as Document;
    const updated = (await updateCustomerAttributes(auth, ada.data.id, {
      name: "",
      custom: { tierStr: "gold", lifetimeValueNum: 1250 },
    })) as Document;
    say(
      `4. get_customer_by_external_id found crm-1001 (${ada.data.id}); update_customer_attributes set ` +
        `custom ${JSON.stringify(updated.data.attributes.custom)} and left the name as "${updated.data.attributes.name}" ` +
        "(the blank name field was not sent).",
    );

    const messages = (await bulkCreateMessages(auth, [
      {
        _clientRef: "msg-1",
        customer: ada.data.id,
        channel: "email",
        app: "gmail",
        direction: "in",
        preview: "Where is my order?",
      },
      {
        _clientRef: "msg-2",
        customer: ada.data.id,
        channel: "email",
        app: "gmail",
        direction: "out",
        preview: "It ships today.",
      },
    ])) as Document;
    const posted = await waitForBulk(auth, messages.data.id);
    say(
      `5. bulk_create_messages added ${posted.filter((item) => item.status === "success").length} messages to Ada's history.`,
    );

    const history = (await getMessagesByCustomer(auth, ada.data.id, 1, 100)) as ListDocument;
    say(
      `6. get_messages_by_customer read them back: ${history.data.map((message) => JSON.stringify(message.attributes.preview)).join(", ")}.`,
    );

    const tooMany = Array.from({ length: 101 }, (_, index) => ({ name: `Customer ${index}` }));
    const refused = await bulkCreateCustomers(auth, tooMany).catch((error: Error) => error.message);
    say(
      `7. And bad input never leaves the machine: ${String(refused).split("\n- ").slice(1).join("; ")}`,
    );
    say(
      "Done. Start the sandbox yourself with `bun run sandbox` and point KUSTOMER_BASE_URL at it.",
    );
  } finally {
    await sandbox.stop();
  }
}

demo().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
