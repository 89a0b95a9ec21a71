// What each script in scripts/audit_logs/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetAuditLogs: `Queries your org's audit log: who changed which object, when, and what changed
(before and after). count sets how many entries come back (default 100, at most 1000); page with
the links in the answer, which carry after/before audit-log ids. Filters: filterObjectType
(customer, conversation…), filterObjectId (needs filterObjectType), filterUserId, filterInclude
(more object types, comma-separated), filterStart and filterEnd (ISO-8601), sent as
filter[objectType] and so on.`,
};
