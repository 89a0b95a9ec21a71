// What each script in scripts/tags/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetTags: `Lists the org's tags (name, colour, whether deleted), one page at a time; the tag ids
are what conversations, customers and companies carry in their tags. The route is used by the
public Kustomer taps but is missing from Kustomer's OpenAPI.`,
};
