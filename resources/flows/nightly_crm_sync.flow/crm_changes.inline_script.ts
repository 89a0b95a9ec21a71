// Replace with your CRM's API call: the contacts changed in the CRM since the last run, as
// bulk_upsert_customers takes them (externalId = the CRM's id). Here they come from the flow's input.
export async function main(records: { externalId: string; [field: string]: unknown }[]) {
  return Array.isArray(records) ? records : [];
}
