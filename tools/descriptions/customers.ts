// What each script in scripts/customers/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateCustomer: `Creates one customer from the fields you set and returns the new record (JSON:API
envelope, with the id Kustomer assigned). Creating is not idempotent: a failed call that may have
reached Kustomer is not repeated, so check by externalId or email before trying again. Custom
attributes go under custom, named with a type suffix (tierStr, ordersNum, renewalAt).`,

  BulkCreateCustomers: `Queues the creation of up to 100 customers in one call and returns the bulk
operation (status queued). Kustomer creates them asynchronously: follow up with the bulk operation
id to learn what was created and which items failed. Give each item a _clientRef (your own row id)
to match results back, and an externalId so a re-run can find records created before a crash.`,

  BulkBatchUpdateCustomers: `Queues an update of up to 100 customers in one call, each item naming
the customer by id, and returns the bulk operation. Only the fields you set are changed. Pass ids
(comma-separated customer ids) to apply the same data to many customers. Processing is
asynchronous: poll the bulk operation for per-item results.`,

  UpdateCustomerAttributes: `Changes only the fields you set on one customer and returns the updated
record. Fields you leave empty in the form are not sent, so they keep their values; send null to
clear a value. Kustomer's reference warns that a customer whose company is omitted may be unlinked
from it: include company when the customer belongs to one. Kustomer limits how often one customer
can be updated (object rate limiting).`,

  GetCustomerByExternalId: `Finds the customer whose externalId is the id you use for them in your
own system, and returns it. The value is percent-encoded into the path, so ids with slashes, plus
signs or spaces work. Use it before a create to avoid duplicates, or after a bulk import to learn
the ids Kustomer assigned.`,

  GetMessagesByCustomer: `Lists one customer's messages across all their conversations, one page
at a time (page counts from 1; pageSize up to 100). Follow links.next in the answer for
the next page. Pass include=attachments to have attachment records side-loaded.`,
};
