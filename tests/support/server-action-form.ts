/**
 * Posting a server action over HTTP the way a browser without JavaScript does: a form rendered
 * by React carries hidden inputs naming its action (`$ACTION_ID_<id>`, or `$ACTION_REF_<n>` with
 * `$ACTION_<n>:0` holding `{"id": …}` for an action with bound arguments) next to its own hidden
 * fields; posting them back as multipart form data, with the visible fields filled in, to the
 * page's URL runs the action. Used by scripts/crash-test.ts, scripts/multi-instance-check.ts and
 * e2e/fuzz-http.spec.ts.
 */

/** The HTML entities React writes in attribute values, decoded. */
export function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * The hidden inputs, as [name, value] in page order, of the first form in `html` whose markup
 * contains `marker` (for example `name="guestName"` for the comment form). Throws when no form does.
 */
export function hiddenFormFields(html: string, marker: string): [string, string][] {
  const form = [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)].map((match) => match[0]).find((text) => text.includes(marker));
  if (!form) throw new Error(`no form with ${marker} on the page`);
  return [...form.matchAll(/<input\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((input) => /\btype="hidden"/.test(input))
    .flatMap((input): [string, string][] => {
      const name = /\bname="([^"]*)"/.exec(input)?.[1];
      return name === undefined ? [] : [[decodeHtmlEntities(name), decodeHtmlEntities(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "")]];
    });
}

/** The id of the server action the fields post to, or null when they name none. */
export function serverActionId(fields: [string, string][]): string | null {
  for (const [name, value] of fields) {
    const direct = /^\$ACTION_ID_(\w+)$/.exec(name);
    if (direct) return direct[1];
    if (/^\$ACTION_\d+:0$/.test(name)) {
      try {
        const id = (JSON.parse(value) as { id?: unknown }).id;
        if (typeof id === "string") return id;
      } catch {
        // not the bound-action reference
      }
    }
  }
  return null;
}

/** The form's hidden fields with `values` set over them, as the multipart body a browser sends. */
export function serverActionFormData(fields: [string, string][], values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}
