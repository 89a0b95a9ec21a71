// What each custom-attribute metadata script does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetCustomAttributeMetadata: `Returns the metadata of the custom attributes of one resource
(customer, company, conversation, message or a KObject klass): for each attribute, its display
name, type and options such as the values of a list. Use it to see which custom attribute names
(with their type suffix, like tierStr or ordersNum) an org has defined before writing them.`,

  UpdateCustomAttributeMetadata: `Sets the metadata of custom attributes on one resource (customer,
company, conversation, message or a KObject klass): display names, types, list options and the
like, under properties keyed by attribute name. Which options apply depends on the attribute's
type. Fields left blank in the form are not sent. It is a PUT, so it is retried after a 5xx or a
network error; check the result, since metadata shapes what agents see in Kustomer.`,
};
