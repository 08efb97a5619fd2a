/**
 * English and Swedish are fetched on demand (i18n/strings.ts): before `loadLanguage` a page
 * reads bokmål (never nothing), after it the language's own words, labels and definitions.
 */
import { describe, expect, it } from 'vitest';
import { figureDefinition, figureLabel, loadLanguage, strings } from '../../../dashboard/i18n/strings.ts';
import { figureSpecs } from '../../../etl/figures/figureKeys.ts';

const meetingsHeld = figureSpecs.find((s) => s.key === 'meetings_held')!;

describe('loadLanguage', () => {
  it('bokmål before a language is fetched, that language after', async () => {
    expect(strings('sv').lang).toBe('nb');
    expect(strings('en').lang).toBe('nb');
    expect(figureLabel(meetingsHeld, 'sv')).toBe('Gjennomførte møter');
    expect(figureDefinition(meetingsHeld, 'sv')).toBe(meetingsHeld.definition);

    await loadLanguage('sv');
    expect(strings('sv').lang).toBe('sv');
    expect(strings('sv').views.users).toBe('Användare');
    expect(figureLabel(meetingsHeld, 'sv')).toBe('Genomförda möten');
    expect(figureDefinition(meetingsHeld, 'sv')).not.toBe(meetingsHeld.definition);
    expect(strings('en').lang).toBe('nb'); // only what was asked for

    await loadLanguage('en');
    expect(strings('en').views.users).toBe('Users');
    expect(figureLabel(meetingsHeld, 'en')).toBe(meetingsHeld.label.en);
    expect(strings('nb').views.users).toBe('Brukere');
  });
});
