import { describe, expect, it } from 'vitest';
import { loadLanguage, strings } from '../../../dashboard/i18n/strings.ts';
import { auditTargetText } from '../../../dashboard/views/auditTargetText.ts';
import { metaFixture } from '../metaFixture.ts';

// English and Swedish are fetched on demand in the browser (i18n/strings.ts); here once, first.
await Promise.all([loadLanguage('en'), loadLanguage('sv')]);

describe('auditTargetText', () => {
  it.each([
    { target: 'school:A1', nb: 'Skole: Åsen skole', en: 'School: Åsen skole' },
    { target: 'school:ukjent', nb: 'Skole: ukjent', en: 'School: ukjent' },
    { target: 'municipality:Beta', nb: 'Kommune: Beta', en: 'Municipality: Beta' },
    { target: 'municipality:Nord:Sør', nb: 'Kommune: Nord:Sør', en: 'Municipality: Nord:Sør' },
    { target: 'scope', nb: 'Hele tilgangen', en: 'Whole scope' },
    { target: 'total:all', nb: 'Alle kommuner', en: 'All municipalities' },
    { target: 'admin', nb: 'admin', en: 'admin' },
    { target: null, nb: '', en: '' },
  ])('auditTargetText says $target as «$nb» / «$en»', ({ target, nb, en }) => {
    expect(auditTargetText(strings('nb'), metaFixture.schools)(target)).toBe(nb);
    expect(auditTargetText(strings('en'), metaFixture.schools)(target)).toBe(en);
  });

  it.each([
    { target: 'total:all', sv: 'Alla kommuner' },
    { target: 'scope', sv: 'Hela åtkomsten' },
    { target: 'municipality:Beta', sv: 'Kommun: Beta' },
    { target: 'school:A1', sv: 'Skola: Åsen skole' },
  ])('auditTargetText says $target in Swedish as «$sv»', ({ target, sv }) => {
    expect(auditTargetText(strings('sv'), metaFixture.schools)(target)).toBe(sv);
  });
});
