// What each script in scripts/auth_roles/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetAuthRoles: `Lists the roles Kustomer knows (such as org.permission.customer.read or the
legacy org.user.customer.write), which API keys, users and role groups can be given. Use it to
pick the exact role names for Create a Role Group or Update User by ID, or to check the names a
script's header lists. Kustomer's reference lists no role needed to read it.`,
};
