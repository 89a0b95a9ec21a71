// Replace with your CRM's API call. Maps one Kustomer customer (a JSON:API resource, as
// export_customers returns it) to what a CRM contact usually holds, keyed by the CRM's own id
// (the customer's externalId), and returns it.
export async function main(customer: {
  id: string;
  attributes: {
    externalId?: string | null;
    name?: string | null;
    emails?: { email: string }[];
    updatedAt?: string;
  };
}) {
  const { attributes } = customer;
  return {
    crmId: attributes.externalId ?? null,
    kustomerId: customer.id,
    name: attributes.name ?? null,
    email: attributes.emails?.[0]?.email ?? null,
    updatedAt: attributes.updatedAt ?? null,
  };
}
