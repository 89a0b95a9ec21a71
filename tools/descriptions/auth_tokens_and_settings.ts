// What each script in scripts/auth_tokens_and_settings/ does, in our own words (see
// tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetAuthCustomerSettings: `Returns the org's customer authentication settings (the sign-in
settings of the org's own users are read with Get Auth Settings instead). Kustomer's reference
gives only the route and the legacy org.admin role for it, not the shape of the answer, so look
at one result before building a flow step on its fields. It only reads; nothing is changed.`,

  GetAuthSettings: `Returns how users may sign in to the org: the kustomer, google, saml and app
sections of the authentication settings. Kustomer lists the legacy org.admin.security role for
it. Read these before Update Auth Settings, to send back the sections you do not mean to change.`,

  UpdateAuthSettings: `Writes the org's sign-in settings and returns Kustomer's answer. The
kustomer and google sections are required and saml and app are optional, so read the current
values with Get Auth Settings and send them back with your change. A wrong value can lock users
out of the org: try it on a sandbox org first. Needs the legacy org.admin.security role. Blank
form fields are not sent.`,

  GetAuthTokens: `Lists the auth tokens of the org, one page at a time (page counts from 1,
pageSize sets the page length, links.next leads to the following page). Use it to audit which
tokens exist and to find the id to pass to Delete Auth Token by ID. Kustomer lists the legacy
org.admin.security role for it.`,

  CreateToken: `Signs a user in and returns a new auth token: pass domain, email and password, or
one of singleAccessToken, googleAuthToken or samlAuthToken instead (remember is an optional
flag). The script never logs the password, but Windmill stores every job's arguments and result
(the token included), so pass the password from a secret variable and keep the result out of
shared logs.`,

  DeleteCurrentAuthToken: `Revokes the token the call is made with, that is the key in the
Kustomer resource: after it succeeds, every script using that resource fails until you give it a
new key. Kustomer answers with no content (204, usual for its deletes) and the script then
returns null. Use it to end a session made with Create Token; never run it with a key you still
need.`,

  GetCurrentAuthToken: `Returns what Kustomer knows of the token the call is made with. It
answers for any valid key whatever its roles, which makes it the right call to check that a key
works and sits in the chosen region (a key from another region fails here too). Get Current User,
by contrast, reportedly needs the org.user role.`,

  DeleteAuthTokenById: `Revokes one auth token by id (ids come from Get Auth Tokens). The id is
percent-encoded into the path. Anything still using that token stops working at once. Kustomer
answers with no content (204, usual for its deletes) and the script then returns null; a DELETE
is safe to repeat, so it is retried after a server error.`,

  GetAuthTokenById: `Fetches one auth token by id (ids come from Get Auth Tokens) and returns
what Kustomer holds for it. The id is percent-encoded into the path. Kustomer lists the legacy
org.admin role for it. Use Get Current Auth Token instead to look at the key the call itself is
made with.`,

  GetPublicAuthSettings: `Returns the public part of the org's sign-in settings. It is a public
route (/v1/p/), like Kustomer's other /p/ routes meant for callers that hold no key, and
Kustomer's reference lists no role for it; the script still sends the resource's key, as every
script does. Compare with Get Auth Settings, which needs an admin key and returns the full
settings.`,
};
