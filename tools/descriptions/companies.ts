// What each script in scripts/companies/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateCompany: `Creates one company from the fields you set and returns the new record (JSON:API
envelope, with the id Kustomer assigned). name is required, 3 to 256 characters. Creating is not
idempotent: a failed call that may have reached Kustomer is not repeated, so look the company up by
externalId (Get companies) before trying again. Custom attributes go under custom, named with a
type suffix (tierStr, seatsNum, renewalAt).`,

  BulkCreateCompanies: `Queues the creation of up to 100 companies in one call and returns the bulk
operation (status queued). Kustomer creates them asynchronously: follow up with the bulk operation
id to learn what was created and which items failed. Each item needs a name; give it a _clientRef
(your own row id) to match results back, and an externalId so a re-run can find companies created
before a crash. The call is never repeated after a failure that may have reached Kustomer.`,

  BulkBatchUpdateCompanies: `Queues an update of up to 100 companies in one call, each item naming
the company by id, and returns the bulk operation. Fields left blank are not sent; null clears a
value. Companies have no DELETE endpoint: set deleted: true on an item to delete that company.
Processing is asynchronous: follow up with the bulk operation id for per-item results, matched by
the _clientRef you give each item.`,

  UpdateCompanyAttributes: `Updates one company, named by its id, with the fields you set and
returns the updated record. Fields left blank in the form are not sent; send null to clear a value.
Companies have no DELETE endpoint: send deleted: true here to delete a company. The id is
percent-encoded into the path. Kustomer limits how often one company can be updated (object rate
limiting). A PUT is retried after a server error, as repeating it is safe.`,

  GetCompanyById: `Returns one company by the id Kustomer assigned to it (JSON:API envelope, custom
attributes included). The id is percent-encoded into the path, and a server error is retried, as a
read is safe to repeat. To find a company by the id your own system uses, call Get companies with
externalId instead.`,

  GetCompanies: `Lists your org's companies, one page at a time (page counts from 1; pageSize, at
most 100 on most Kustomer lists), or narrows the list: externalId finds the company with your own
id, filter matches the company name. Send only one of the two: Kustomer ignores both when both are
given. Follow links.next in the answer for the next page. Values left blank in the form are not
sent.`,

  FindCompanyKObjects: `Lists the KObjects (custom objects) of one Klass that are linked to a
company, given the company id and the Klass name (e.g. order). Both values are percent-encoded into
the path. Pages count from 1 (page, pageSize); follow links.next in the answer for the next page.
Kustomer's reference lists company read roles for this call, not KObject roles.`,

  DeleteCompanyHierarchyEdge: `Deletes one edge of the company hierarchy (a parent-child link, by
the edge's id). Kustomer answers 409 when the hierarchy is being edited at the same time; the
script does not retry a 409, so run it again.`,

  UnlinkCompanyFromParent: `Removes the link between a company (by company id) and its parent in the
company hierarchy; the company itself is kept. Returns nothing on success.`,

  CreateCompanyHierarchyEdge: `Links two existing companies in a company hierarchy tree: sourceId is
the parent and targetId the child. If the child already has a parent in that tree (name), the new
edge replaces it, since a company has one parent per tree. Kustomer refuses (400) an edge to a
company that does not exist, to itself, one that would make a cycle, go past 20 levels or grow the
tree past 2,000 companies, and answers 409 while another write to the tree is under way (not
retried: run it again). Fields beyond those the page names are sent as given.`,

  SetCompanyParent: `Sets or changes the direct parent (parentId) of a company, given by its own
company id; an existing parent edge in the tree is replaced. The same limits as creating an edge
apply (no cycle, at most 20 levels and 2,000 companies per tree), and a 409 means another write to
the tree is under way: run it again. Fields beyond those the page names are sent as given.`,
};
