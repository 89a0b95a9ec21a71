// What each script in scripts/knowledge_base/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetPublishedArticles: `Lists the published articles of the public knowledge base (a public route
that needs no particular role), optionally of one knowledgeBaseId, one page at a time: title, slug,
language, categories and the HTML body.`,

  SearchPublishedArticles: `Searches the published articles of the public knowledge base, as the
help center's search box does (a public route).`,

  GetPublishedCategories: `Lists the published categories of the public knowledge base (title,
slug, parent and position), a public route.`,

  GetKbArticles: `Lists the knowledge-base articles, drafts and internal ones included (title,
status, scope, tags, categories, languages), one page at a time.`,

  CreateKbArticle: `Creates a knowledge-base article, with an empty draft in its source language,
and returns it. The sources we have do not document the body's fields, so body is a free-form JSON
object sent as is. A POST is not repeated after a failure that may have reached Kustomer.`,

  SearchKbArticles: `Searches the knowledge-base articles, drafts and internal ones included, and
returns the matching article versions.`,

  GetKbArticleById: `Fetches one knowledge-base article by id: its status, scope, tags, categories
and the languages it has versions in.`,

  UpdateKbArticle: `Changes one knowledge-base article by id and returns it; there is no delete,
sending deleted true soft-deletes it. The body's fields are not documented in the sources we have,
so body is a free-form JSON object sent as is.`,

  DeleteKbArticleLanguageVersions: `Deletes every version of one article (by id) in one language
(lang, e.g. en_us). Returns nothing on success.`,

  GetKbArticleLanguageVersions: `Lists the versions of one article (by id) in one language (lang,
e.g. en_us): drafts and published ones, with their HTML.`,

  CreateKbArticleVersion: `Creates a version of one article (by id) in one language (lang, e.g.
en_us) and returns it. The sources we have do not document the body's fields, so body is a
free-form JSON object sent as is.`,

  GetKbCategories: `Lists the knowledge-base categories (languages, parent, positions, whether
published), one page at a time.`,

  GetKbForms: `Lists the knowledge-base forms (the contact forms of the help center), one page at a
time.`,

  GetKbInternalCategories: `Lists the categories of the internal knowledge base (for agents only),
one page at a time.`,

  GetKbRoute: `Returns a knowledge-base route: the URL of a category or article in the help
center and what it points at.`,

  GetKbRoutes: `Lists the knowledge-base routes (each help-center URL and the article or category
it points at), one page at a time.`,

  GetKbTags: `Lists the tags used on knowledge-base articles, one page at a time.`,

  GetKbTemplates: `Lists the templates a help-center theme can be built from.`,

  GetKbThemes: `Lists the help-center themes (name, status, whether active or default), one page at
a time.`,

  GetActiveKbTheme: `Returns the theme the help center currently uses.`,

  CreateKnowledgeBase: `Creates a knowledge base (one help center site, with its own address,
languages, theme and brand; a brand can have only one) and returns it. Kustomer also creates its
root category, and a theme from the Midtown template when none is sent. The page we could read
names only some fields (a unique subdomain of lowercase letters, digits and hyphens, which for a
knowledge base other than the default starts with the org name and a hyphen; theme), so body is a
free-form JSON object sent as is. A POST is not repeated after a failure that may have reached
Kustomer: look the subdomain up before trying again.`,

  UpdateKnowledgeBase: `Changes one knowledge base by id with PATCH, so only the fields sent change
and the rest stay as they are; returns the knowledge base. The page we could read does not list the
body's fields, so body is a free-form JSON object sent as is.`,

  CreateKbArticleSchedule: `Schedules the current draft of a knowledge-base article (id) to be
published at a date in the future. The article must have a current draft. Kustomer's page we could
read does not name the body's fields, so body is a free-form JSON object sent as is. A POST is not
repeated after a failure that may have reached Kustomer: read the article before trying again.`,
};
