// What each script in scripts/role_groups/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetAllRoleGroups: `Lists the org's role groups (named bundles of roles that users are given),
one page at a time: page counts from 1, pageSize sets the page length, and links.next in the
answer leads to the following page until it is null. Use it to find a role group's id before
assigning it to a user with Update User by ID.`,

  CreateRoleGroup: `Creates a role group, a named set of roles you can then give to users, and
returns it. name is required; roles lists the role names it grants (Get Auth Roles lists them),
and description explains it to admins. Creating is not idempotent: a failed call that may have
reached Kustomer is not repeated, so list the role groups before retrying.`,

  DeleteRoleGroup: `Deletes one role group by id. The id is percent-encoded into the path.
Kustomer answers with no content (204, as its deletes usually do), and the script then returns
null. A DELETE is safe to repeat, so it is retried after a server error or timeout. Check first
which users hold the group: Kustomer's reference does not say what happens to them.`,

  GetRoleGroupById: `Fetches one role group by id and returns it: its name, description, whether
it is displayed, and the list of roles it grants. The id is percent-encoded into the path, and a
404 means no role group has that id in the key's org. Use Get All Role Groups to find the id from
a name, and Update a Role Group to change it.`,

  UpdateRoleGroup: `Changes one role group (name, description, display, roles) and returns it.
Only the fields you fill in are sent: blank form fields are left out. roles, when given, is the
whole new list of roles the group grants, so include those it should keep. Every user holding the
group is affected. Kustomer's reference does not say whether this PUT keeps fields you leave out.`,
};
