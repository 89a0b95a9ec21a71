// What each script in scripts/kobjects/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateKObject: `Creates one KObject (custom object) of the Klass you name and returns it. title is
required; link it to a customer or company by id. Kustomer lets one client create up to 120 per
minute per customer (429 beyond) unless importedAt is set. Not idempotent: a failed call that may
have reached Kustomer is not repeated, so look it up by externalId first. The per-Klass role
org.permission.kobject.kobject_<klass>.create is enough.`,

  BulkCreateKObjects: `Queues the creation of up to 100 KObjects of one Klass in one call and
returns the bulk operation (status queued). Kustomer creates them asynchronously: follow up with
the bulk operation id for per-item results, matched by the _clientRef you give each item. Each item
needs a title; set an externalId so a re-run can find objects created before a crash. Never
repeated after a failure that may have reached Kustomer.`,

  BulkBatchUpdateKObjects: `Queues an update of up to 100 KObjects of one Klass in one call, each
item naming its KObject by id, and returns the bulk operation. Pass ids (comma-separated KObject
ids) to apply the same data to many objects. Fields left blank are not sent. Processing is
asynchronous: follow up with the bulk operation id for per-item results. The per-Klass role
org.permission.kobject.kobject_<klass>.update is enough.`,

  BulkDeleteKObjects: `Deletes the KObjects whose ids you list from the Klass you name, as one
asynchronous bulk operation, and returns that operation: follow up with its id to learn what was
deleted. ids is required (a list, or text with ids separated by commas) and nothing is sent without
it; Kustomer's bulk calls take at most 100 records. The per-Klass role
org.permission.kobject.kobject_<klass>.delete is enough.`,

  GetKObjects: `Lists the KObjects of the Klass you name, one page at a time (page counts from 1;
pageSize), optionally from fromDate on (an ISO-8601 date-time such as 2025-01-01T00:00:00.000Z).
The Klass name is percent-encoded into the path. Follow links.next in the answer for the next page.
Kustomer's reference lists Klass read roles (org.permission.klass.read) for this call.`,

  GetKObject: `Returns one KObject (custom object) by Klass name and KObject id. Both values are
percent-encoded into the path, and a server error is retried, as a read is safe to repeat. To find
an object by the id your own system uses, call Get KObject by external ID instead. The per-Klass
role org.permission.kobject.kobject_<klass>.read is enough.`,

  getKlassesByNameAndExternalId: `Finds the KObject of the Klass you name whose externalId is the id
you use for it in your own system, and returns it. Both the Klass name and the externalId are
percent-encoded into the path (/v1/klasses/{name}/externalId={externalId}), so ids with slashes,
plus signs or spaces work. Use it before a create to avoid duplicates. Kustomer's reference names
no role for this lookup.`,

  UpdateKObject: `Updates one KObject, named by Klass name and id, with the fields you set and
returns it. Fields left blank in the form are not sent; both path values are percent-encoded.
Kustomer limits how often one KObject can be updated (object rate limiting). A PUT is retried after
a server error, as repeating it is safe. The per-Klass role
org.permission.kobject.kobject_<klass>.update is enough.`,

  DeleteKObject: `Deletes one KObject by Klass name and KObject id. Both values are percent-encoded
into the path. Kustomer answers 204 No Content and the script then returns null; a server error or
timeout is retried, as repeating a delete is safe. The per-Klass role
org.permission.kobject.kobject_<klass>.delete is enough.`,
};
