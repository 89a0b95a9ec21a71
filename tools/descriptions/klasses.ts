// What each script in scripts/klasses/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateKlass: `Creates a Klass, the definition of a custom object type, and returns it. name is
required (letters, digits, _ and - only): it is the name KObject calls use in their path
(/v1/klasses/{name}). Optional: displayName, icon, color, jsonSchema, mixins and status (enabled
or disabled). Creating is not idempotent: a failed call that may have reached Kustomer is not
repeated, so check with Get Klasses before trying again.`,

  GetKlasses: `Lists the Klasses (custom object types) of your org, one page at a time: page counts
from 1 and pageSize defaults to 100. status filters by state: enabled (Kustomer's default when not
sent), disabled or existing_only. Follow links.next in the answer for the next page. Values left
blank in the form are not sent, so Kustomer's defaults apply.`,

  GetKlass: `Returns one Klass (custom object type) by the id Kustomer assigned to it, with its name
and definition. The id is percent-encoded into the path, and a server error is retried, as a read
is safe to repeat. To read the objects of a Klass, use Get KObjects with the Klass name instead of
its id.`,

  UpdateKlass: `Updates one Klass, named by its id, and returns it: displayName, icon, color,
jsonSchema, mixins or status (enabled or disabled). name is not part of the body, so it stays as it
was created. Fields left blank in the form are not sent. The id is percent-encoded into the path; a
PUT is retried after a server error, as repeating it is safe.`,

  DeleteKlass: `Deletes one Klass by its id. Kustomer refuses to delete a Klass while KObjects of it
exist in your org, so delete those first (Bulk delete KObjects). Kustomer answers 204 No Content
and the script then returns null. The id is percent-encoded into the path; a server error is
retried, as repeating a delete is safe.`,
};
