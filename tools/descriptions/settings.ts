// What each script in scripts/settings/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetChatSettings: `Returns the org's chat settings: team name, greeting, auto-reply, widget icon
and colour, off-hours message and the chat options (typing indicators, history, single session).`,

  SetChatSettings: `Changes the org's chat settings and returns them; only the fields you send
change. The body's fields are not documented in the sources we have (Get Chat Settings shows
them), so body is a free-form JSON object sent as is.`,

  GetSavedSearches: `Lists the saved customer and conversation searches (name, the query they run,
who can see them), one page at a time.`,

  GetPinnedSearches: `Lists the saved searches pinned by the user behind the API key.`,

  GetSavedSearchPositions: `Returns the order in which saved searches are shown.`,

  GetSearchSchema: `Returns what searches can use: the searchable fields, their operators and the
sort options.`,

  GetNotifications: `Lists the notifications of the user behind the API key (event, status), one
page at a time.`,

  GetNotificationsLogsSettings: `Returns the settings of notification logs: the addresses that
receive them.`,

  GetCurrentUserNotificationSettings: `Returns which events notify the user behind the API key
(new messages, assignments, mentions, snoozes ending, KObject changes).`,

  GetSettings: `Lists the org's settings (each with its app, category, name and value), one page
at a time.`,

  GetSetting: `Fetches one setting by its app, category and name (as Get Settings lists them) and
returns its value.`,

  GetUserSetting: `Fetches one setting of a given user (id) by its app, category and name, such as
chat.outbound.sendAction. User settings are personal preferences, separate from org settings (Get a
setting): neither inherits from the other.`,

  UpdateCurrentUserSetting: `Changes one setting (app, category and name) of the user the API key
belongs to, a personal preference such as what the send button does. Kustomer's page we could read
does not list the body's fields, so body is a free-form JSON object sent as is; read the setting
first to see its type and current value.`,

  GetShortcuts: `Lists the shortcuts (saved replies agents insert in conversations), one page at a
time.`,

  GetShortcutCategories: `Lists the categories shortcuts are filed under.`,

  DeleteShortcut: `Deletes one shortcut by id; agents no longer see it. Returns nothing on
success.`,

  GetSnippets: `Lists the snippets (reusable texts, by key and language, that messages and the
knowledge base insert), one page at a time.`,

  CreateSnippet: `Creates a snippet and returns it. The sources we have do not document the body's
fields (Get Snippets shows name, key, langs, description, category), so body is a free-form JSON
object sent as is. A POST is not repeated after a failure that may have reached Kustomer.`,

  GetSnippetByIdOrKey: `Fetches one snippet by its id or its key, with its text in every
language.`,

  PatchSnippet: `Changes one snippet (by id) and returns it; only the fields you send change. The
body's fields are not documented in the sources we have, so body is a free-form JSON object sent as
is.`,

  GetSnoozes: `Lists the snooze options agents pick from (name, duration, whether enabled), one page
at a time. These are the menu's options, not snoozed conversations.`,

  DeleteSnooze: `Deletes one snooze option by id. Returns nothing on success.`,

  GetCurrentUserSettings: `Returns the settings of the user behind the API key (name and value of
each).`,

  DeleteNotifications: `Deletes every in-app notification of the user behind the API key (Kustomer's
page: notifications always act on the signed-in user, never on other users). It takes no
parameters and cannot be undone, so list them first with Get notifications if any are still
needed; Kustomer removes notifications after seven days anyway. Emails already sent are not
affected.`,
};
