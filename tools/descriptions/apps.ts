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
};
