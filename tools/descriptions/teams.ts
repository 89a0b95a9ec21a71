// What each script in scripts/teams/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetTeams: `Lists the org's teams, one page at a time (page counts from 1; Kustomer's pagination
guide gives teams a pageSize of up to 500), and returns the page with links.next for the
following one. Each team carries its name, displayName, icon and its members' user ids. Follow
links.next until it is null to read them all.`,

  CreateTeam: `Creates a team and returns it. name is required; members takes user ids, and
externalId links the team to your own directory. Creating is not idempotent: a failed call that
may have reached Kustomer is not repeated, so list the teams (or look for your externalId) before
trying again, or the team may exist twice. importedAt and createdAt are for teams brought over
from another system.`,

  DeleteTeam: `Deletes one team by id. The id is percent-encoded into the path. Kustomer answers
with no content (204, as its deletes usually do), and the script then returns null. A DELETE is
safe to repeat, so it is retried after a server error or timeout; a 404 on a retry can mean the
first attempt already deleted it. Kustomer's reference lists no role for it.`,

  GetTeamById: `Fetches one team by id and returns it: name, displayName, icon and the user ids
of its members. The id is percent-encoded into the path. To see the teams a given person belongs
to, use Get a User's Teams with their user id instead of reading every team.`,

  UpdateTeamAttributes: `Changes only the fields you set on one team (PATCH) and returns the
updated team. Blank form fields are not sent, so they keep their values; null clears icon.
members, when given, is most likely taken as the whole new member list: to add or remove people
without touching the others, use Add Team Member or Remove Team Member. deleted=true marks the
team deleted.`,

  UpdateTeamById: `Writes one team with PUT and returns it. name is required even when you change
something else, which suggests the team is written as a whole: send every field it should keep
(read it with Get Team by ID first). members is the complete member list. To change a few fields
only, Update Team Attributes (PATCH) is the safer call. Blank form fields are not sent.`,

  RemoveTeamMember: `Removes the users whose ids you list in members (required, at least one)
from one team; other members stay. It is a DELETE that carries a JSON body ({ members: [...] }),
which the script sends as it is. Removing is safe to repeat, so it is retried after a server
error. A 204 answer makes the script return null; any other answer is returned as Kustomer sent
it.`,

  AddTeamMember: `Adds the users whose ids you list in members (required, at least one) to one
team, keeping its current members, and returns Kustomer's answer. The team id is percent-encoded
into the path. It is a POST, so after a failure that may have reached Kustomer it is not
repeated: read the team to check before running it again.`,

  GetUsersTeams: `Lists the teams one user belongs to, one page at a time (page from 1, pageSize,
and links.next for the following page). The user id is percent-encoded into the path. Handy for
routing or reporting steps that need a person's teams without reading every team's member list.`,
};
