/** Issue 11: topics and challenges in words (bokmål, English, Swedish); an unknown code shown as given. */
import { describe, expect, it } from 'vitest';
import { challengeLabel, competenceStrings, topicLabel } from '../../../../dashboard/views/competence/strings.ts';

describe('topicLabel and challengeLabel', () => {
  it.each([
    ['nb', 'Skolemiljø', 'Lesevansker'],
    ['en', 'School environment', 'Reading difficulties'],
    ['sv', 'Skolmiljö', 'Lässvårigheter'],
  ] as const)('in %s: skolemiljo is «%s», lesevansker «%s»', (lang, topic, challenge) => {
    const s = competenceStrings(lang);
    expect(topicLabel('skolemiljo', s)).toBe(topic);
    expect(challengeLabel('lesevansker', s)).toBe(challenge);
  });

  it.each(['nb', 'en', 'sv'] as const)('in %s an unknown code is shown as given, an inherited name too; no topic is a dash', (lang) => {
    const s = competenceStrings(lang);
    expect(topicLabel('ukjent_tema', s)).toBe('ukjent_tema');
    expect(challengeLabel('ny_kategori', s)).toBe('ny_kategori');
    expect(topicLabel('constructor', s)).toBe('constructor');
    expect(challengeLabel('toString', s)).toBe('toString');
    expect(topicLabel(null, s)).toBe('–');
  });
});
