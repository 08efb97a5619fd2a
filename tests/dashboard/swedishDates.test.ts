/**
 * Messages that quote a date write it as the reader's language does: `15.09.2025` in bokmål
 * and English, `2025-09-15` in Swedish (the link notice and the "still showing" text under a
 * date that is not one). Expected texts written by hand.
 */
import { describe, expect, it } from 'vitest';
import { dateProblemText } from '../../dashboard/components/filters.ts';
import { urlProblemText } from '../../dashboard/components/urlNotice.ts';
import { loadLanguage, strings } from '../../dashboard/i18n/strings.ts';

// English and Swedish are fetched on demand in the browser (i18n/strings.ts); here once, first.
await Promise.all([loadLanguage('en'), loadLanguage('sv')]);

const swapped = { kind: 'from_after_to', from: '2025-09-15', to: '2025-08-01' } as const;
const still = { from: '2025-08-01', to: '2026-07-31' };

describe('dates in messages follow the language', () => {
  it('the link notice of swapped dates', () => {
    expect(urlProblemText(strings('sv'), swapped)).toBe('Från-datumet i länken, 2025-09-15, är efter till-datumet, 2025-08-01.');
    expect(urlProblemText(strings('nb'), swapped)).toBe('Fra-datoen i lenken, 15.09.2025, er etter til-datoen, 01.08.2025.');
  });

  it('what the figures still show under a date that is not one', () => {
    expect(dateProblemText(strings('sv'), 'abc', still).endsWith('Siffrorna nedan gäller fortfarande 2025-08-01–2026-07-31.')).toBe(true);
    expect(dateProblemText(strings('nb'), 'abc', still).endsWith('Tallene under gjelder fortsatt 01.08.2025–31.07.2026.')).toBe(true);
  });

  it('each dictionary names its own language', () => {
    expect([strings('nb').lang, strings('en').lang, strings('sv').lang]).toEqual(['nb', 'en', 'sv']);
  });
});
