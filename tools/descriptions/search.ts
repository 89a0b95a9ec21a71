// What each search script does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CustomerSearch: `Runs a Kustomer search and returns one page of matching records: set queryContext
(customer, conversation, message, company or a custom object) and criteria combined with and / or
(for example customer_emails equals an address), plus sort and fields. Standard searches cover
records updated in the last two years; use the archive search for older ones. page and pageSize
(up to 500) page through results, and idsOnly=true returns only ids, faster for large syncs.`,

  CustomerArchiveSearch: `Searches the archive: customers, conversations, messages, companies and
custom objects last updated more than two years ago, which the standard search no longer returns.
Criteria are limited to a smaller set of attributes than the standard search; the body has the same
shape (queryContext and and / or criteria). Returns one page of matches; follow links.next.`,
};
