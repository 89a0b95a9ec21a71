// What each script in scripts/slas/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetSlaById: `Fetches one service level agreement (SLA) by its id and returns it, with its current
version number. Set versions to active to include the details of the version in force, or to all
to include every version of the SLA; leave it empty to get the SLA alone. The id is
percent-encoded into the path. The key needs an SLA read role (org.permission.sla.read).`,

  GetSlas: `Lists the org's service level agreements (SLAs), one page at a time, with the SLA
versions included. Use Get SLA by ID for one SLA's versions in detail.`,
};
