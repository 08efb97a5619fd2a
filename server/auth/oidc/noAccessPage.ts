/**
 * "Ingen tilgang ennå": the page an identity without a mapping lands on after signing in at
 * its provider. It names whom to ask (RT_ACCESS_CONTACT) and the account reference the
 * administrator maps (the first 12 hex of the pseudonymised subject, also in the audit log's
 * `sign_in_no_access` entry). Plain HTML without scripts or inline styles (the CSP allows
 * neither), in bokmål with English beneath.
 */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function noAccessPage(contact: string, ref: string | undefined): string {
  const c = escapeHtml(contact);
  const reference = ref
    ? `<p>Oppgi denne referansen: <strong><code>${escapeHtml(ref)}</code></strong></p>`
    : '';
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ingen tilgang ennå – Ressursteam-tall</title></head>
<body>
<main id="main">
<h1>Ingen tilgang ennå</h1>
<p>Du er logget inn hos identitetsleverandøren, men har ikke fått en rolle i Ressursteam-tall ennå.</p>
<p>Be <strong>${c}</strong> om tilgang. Forsøket ditt er registrert.</p>
${reference}
<p><a href="/">Tilbake til innloggingen</a></p>
<section lang="en" aria-labelledby="en-heading">
<h2 id="en-heading">No access yet</h2>
<p>You signed in with your identity provider, but have not been given a role in Ressursteam-tall yet. Ask ${c} for access${ref ? `, quoting the reference ${escapeHtml(ref)}` : ''}.</p>
</section>
</main>
</body>
</html>
`;
}
