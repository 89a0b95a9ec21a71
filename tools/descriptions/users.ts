// What each script in scripts/users/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetUsers: `Lists the org's users, one page at a time (page counts from 1; Kustomer's pagination
guide gives users a pageSize of up to 500), and returns the page with links.next for the
following one. Filters are optional: pending=true for invitations not yet accepted, deleted=true
for deactivated users, userType (user, machine for API-key users, limited) and email. Leave them
blank to list all.`,

  CreateInviteNewUser: `Creates a user in the org and invites them, returning the new user
record. name and email are required; roleGroups and roles set what the user may do (Get Auth
Roles and Get All Role Groups list the choices), and userType the kind of user. Creating is not
idempotent: a failed call that may have reached Kustomer is not repeated, so look the email up
with Get Users before trying again, or the person may be invited twice.`,

  GetCurrentUser: `Returns the user behind the API key the call is made with (for a key, its
machine user). Integration notes report that this call fails unless the key also has the org.user
role, and the error does not name the role; to check that a key works at all, use Get Current
Auth Token (GET /v1/auth/tokens/current), which answers for any valid key.`,

  UpdateCurrentUser: `Changes the profile of the user the call is made as (the key's own user)
and returns the updated record. Only the fields you fill in are sent: blank form fields are left
out, and null clears a value. Kustomer's reference does not say whether this PUT keeps fields you
leave out, so check the result. The body can also carry password and currentPassword: pass those
from a secret variable, since Windmill stores a job's arguments.`,

  ResetUsersPassword: `Starts a password reset for the user with this email in the org named by
domain (both required). It is a POST, so it is not repeated after a failure that may have reached
Kustomer: running it again by hand could start a second reset. Kustomer's reference lists no role
for it and does not describe what it returns, so check the result before relying on its fields.`,

  GetMultipleUsersByIds: `Fetches several users in one call: ids is a comma-separated list of
user ids (id1,id2,id3). Each id is percent-encoded, but the commas are sent as they are, since
they separate the ids in the path. Returns the users found as a JSON:API list. Use it to turn the
user ids found on conversations, notes or teams into names and emails with one request instead of
many.`,

  GetUserById: `Fetches one user by id and returns it (name, email, userType, roles, role groups
and the rest of the profile). The id is percent-encoded into the path. Use Get Users with the
email filter when you know a person's email but not their id. A 404 means no user with that id
exists in the org the key belongs to.`,

  UpdateUserById: `Changes one user's profile, role groups or roles and returns the updated
record. Only the fields you fill in are sent: blank form fields are left out, and null clears a
value. Kustomer's reference does not say whether this PUT keeps fields you leave out, so read the
user first when in doubt. deleted=true deactivates the user. roles and roleGroups are lists that
most likely replace the current ones, so send every entry the user should keep.`,
};
