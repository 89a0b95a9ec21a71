// What each script in scripts/media/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateMedia: `Creates a media record (name, contentType and contentLength in bytes, at most
10,048,576; all required) and returns it with a temporary upload policy. Then upload the file: POST
multipart form-data to meta.upload.url with the meta.upload.fields entries first and the file last,
named file. Executable and script extensions (.exe, .bat, .msi, .ps1, .vbs and others) are blocked.
A create is not repeated after a failure that may have reached Kustomer.`,

  GetMediabyId: `Fetches one media object by its id and returns it; pass several ids separated by
commas to get an array of media objects instead. The value is percent-encoded into the path, except
the commas between ids. The API key needs a knowledge-base read role (org.permission.kb.read) or one
of the legacy media, settings or knowledge-base read roles listed below.`,

  UpdateMedia: `Changes one media object by id and returns it: rename it with name, or set redacted.
Fields left blank in the Windmill form are not sent, so they keep their value. The id is
percent-encoded into the path. The API key needs org.permission.kb.update or the legacy
org.user.media.write role. A PUT is retried after a 5xx or a network error.`,
};
