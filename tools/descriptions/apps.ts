// What each script in scripts/apps/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetInstalledApps: `Lists the apps installed in the org (name, version, status and what each
brings: cards, hooks, klasses, workflows), one page at a time.`,

  GetAvailableApps: `Lists the apps the org can install from Kustomer's app directory (title,
vendor, version, description), one page at a time.`,

  GetAvailableApp: `Fetches one app of the directory by its appVersion (the app name and version,
as the directory writes it), with what it would install.`,

  GetInstalledAppVersion: `Fetches the installed app that matches appVersion (an app at a given
version), with its status and what it installed.`,

  GetCards: `Lists the cards (the panels apps add to the agent timeline and sidebar) installed in
the org, one page at a time.`,

  MakeCardAvailable: `Makes a card available in the org, as mentioned on Kustomer's Get Cards page.
No source documents the body's fields, so body is a free-form JSON object sent as is. A POST is not
repeated after a failure that may have reached Kustomer.`,

  GetEmailHooks: `Lists the inbound email hooks (an address that turns incoming mail into events
for workflows), one page at a time.`,

  GetFormHooks: `Lists the inbound form hooks (a form URL whose submissions become events for
workflows), one page at a time.`,

  GetWebHooks: `Lists the inbound web hooks (a URL with a hash that turns a POST into an event for
workflows), one page at a time. The hash is what Create Web Hook Transaction posts to.`,

  CreateWebHookTransaction: `Posts a JSON payload to an inbound web hook (by its hash), which
Kustomer turns into an event that starts the workflows listening to it. Any JSON object is taken as
the body (Kustomer caps it at 400 KB). A POST is not repeated after a failure that may have reached
Kustomer, so a workflow could otherwise run twice.`,

  GetKViews: `Lists the KViews (custom views of klasses and the timeline that apps and admins
define), one page at a time.`,

  CreateWebHook: `Creates an inbound web hook and returns it, with its address (url, ending in the
hash that Create Web Hook Transaction posts to) and the event name workflows listen for. Posting to
the hook needs an API key with the org.hooks role. The page we could read does not list the body's
fields, so body is a free-form JSON object sent as is. A POST is not repeated after a failure that
may have reached Kustomer: list the web hooks before trying again.`,

  CreateFormHook: `Creates an inbound form hook (an address public HTML forms can post to without
an API key) and returns it with its new endpoint. The page we could read does not list the body's
fields, so body is a free-form JSON object sent as is. A POST is not repeated after a failure that
may have reached Kustomer: list the form hooks before trying again.`,

  GetFormHookById: `Fetches one inbound form hook by id: its address and the event name workflows
listen for.`,

  UpdateEmailHook: `Changes an inbound email hook by id with PATCH and returns it. debug true
records the hook's transactions for 24 hours, so they can be read back while you debug it; other
fields are sent as given (the page we could read names only debug).`,

  GetWebHookTransactions: `Lists the recent transactions (requests received) of an inbound web hook
by id. Kustomer keeps them only while the hook's debug flag is on, for 24 hours after each one
arrives; otherwise the list is empty.`,

  CreateFormHookTransaction: `Posts a JSON payload to an inbound form hook by its hash; Kustomer turns
it into an event for the workflows listening to it. Form hooks need no API key (the key is still
sent when the resource has one). Kustomer's page recommends Create Form Hook Org Transaction, the
address with the org name, which is also the only one that supports reCAPTCHA. The body is taken as
given (at most 400 KB). A POST is not repeated after a failure that may have reached Kustomer.`,

  CreateFormHookOrgTransaction: `Posts a JSON payload to an inbound form hook at its address with the
org name (org, then hash), the address Kustomer's page recommends and the only one that supports
reCAPTCHA. Form hooks need no API key (the key is still sent when the resource has one). The body
is taken as given (at most 400 KB). A POST is not repeated after a failure that may have reached
Kustomer, so a workflow could otherwise run twice.`,

  InstallCard: `Installs a card that was made available (by id) into contexts, the record types it
shows on: customer, conversation, company or kobject.<your Klass name>. Installed cards are what Get
Cards lists. Cards are Kustomer's older way to embed a page; new work uses a KView. The page we
could read does not spell out the body's fields, so body is a free-form JSON object sent as is.`,

  RegisterAppVersion: `Registers one version of an app: the body is the whole JSON app definition
(app, version, such as 0.0.1 for the first, title, and its klasses, kviews, hooks, workflows,
settings and the rest), sent as is. Registered versions are permanent, so try definitions in a
sandbox org first. Kustomer answers 400 or 409, creating nothing, when a component fails
validation. A POST is not repeated after a failure that may have reached Kustomer.`,

  InstallApp: `Installs a registered app version into the org, creating its components; Kustomer
validates them in the org and, if that fails, keeps the previous version (install_failed). Installed
apps cannot be fully uninstalled, so try it in a sandbox org first. The guide we could read does not
list the body's fields, so body is a free-form JSON object sent as is; follow the install with List
installed apps.`,

  GetKViewsByResource: `Lists the KViews of one resource: customer, company, conversation or a
custom object type written as kobject.<klass name>. A KView is the template Kustomer renders for
that record type in the agent desktop (an insights card, the details panel, or a custom object's
body in the timeline).`,

  UpdateKView: `Changes one KView (by resource and id) and returns it: for example enabled, which
turns it on or off without deleting it, or meta.displayName and meta.icon, its card title and icon.
KViews are created in Kustomer's editor or by an app, not through this API. The page we could read
does not list every body field, so body is a free-form JSON object sent as is; read the KView first,
since PUT may replace what is not sent.`,

  UpdateKViewsOrder: `Sets the order in which the KViews of one resource appear in one context
(smartbar-card, smartbar-details or expanded-timeline). The page we could read does not list the
body's fields, so body is a free-form JSON object sent as is: list the KViews first and send the
complete order.`,

  DeleteCard: `Deletes one card by id, so agents no longer see it on the records it was installed
on (Get Cards lists the installed cards and their ids). Cards are Kustomer's older way to embed a
page you host; a KView is the newer one. Kustomer's page describes no way to restore a deleted
card, so check the id with Get Cards first. Returns nothing on success.`,
};
