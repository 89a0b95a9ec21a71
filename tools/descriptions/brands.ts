// What each script in scripts/brands/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateBrand: `Creates a brand from a name and an icon URL (both required) and returns it, with the
id Kustomer assigned. Creating is not idempotent: a failed call that may have reached Kustomer is
not repeated, so list the brands (Get brands) before trying again to avoid a duplicate. Use Update
brand to rename a brand or change its icon later.`,

  GetBrands: `Lists the brands of your org, one page at a time: page counts from 1 and pageSize
defaults to 100. Follow links.next in the answer until it is null to read them all. Values left
blank in the form are not sent, so Kustomer's defaults apply. Get default brand returns the one
Kustomer created with your org.`,

  GetBrandById: `Returns one brand by the id Kustomer assigned to it. The id is percent-encoded into
the path, and a server error is retried, as a read is safe to repeat. Use Get brands to find a
brand's id, or Get default brand for the brand Kustomer created when your org registered.`,

  GetDefaultBrand: `Returns your org's default brand: the one Kustomer created when the org
registered. It takes no parameters. Use it when a flow needs a brand id and the org has a single
brand, or as the fallback when no other brand matches. A server error is retried, as a read is safe
to repeat.`,

  PatchBrand: `Updates one brand, named by its id, and returns it. Kustomer's schema requires both
name and iconUrl in every update, so send the current value of the one you are not changing. The id
is percent-encoded into the path. A PATCH is never repeated after a server error or timeout: read
the brand back (Get brand by ID) to see whether it changed.`,
};
