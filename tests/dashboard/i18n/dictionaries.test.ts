/**
 * Every text key has an English and a Swedish translation: the key paths of each dictionary
 * (the shared one and each view's own: year wheel, competence, deviations and their details,
 * import, log, school page, users, provider sign-in, no access yet, mapping edit) compared
 * with bokmål's, recursively; functions and lists are leaves (a list must be as long). The
 * figure labels and definitions are compared with the figure keys of etl/figures/figureKeys.ts.
 */
import { describe, expect, it } from 'vitest';
import { definitionsEn } from '../../../dashboard/i18n/definitionsEn.ts';
import { definitionsSv } from '../../../dashboard/i18n/definitionsSv.ts';
import { labelsSv } from '../../../dashboard/i18n/labelsSv.ts';
import { mappingEditStrings } from '../../../dashboard/i18n/mappingEditStrings.ts';
import { noAccessStrings } from '../../../dashboard/i18n/noAccessStrings.ts';
import { providerSignInStrings } from '../../../dashboard/i18n/providerSignInStrings.ts';
import { usersStrings } from '../../../dashboard/i18n/usersStrings.ts';
import { languages, otherLanguages } from '../../../dashboard/i18n/lang.ts';
import { loadLanguage, strings } from '../../../dashboard/i18n/strings.ts';
import { competenceStrings } from '../../../dashboard/views/competence/strings.ts';
import { deviationDetailStrings } from '../../../dashboard/views/deviations/detailStrings.ts';
import { deviationStrings } from '../../../dashboard/views/deviations/strings.ts';
import { historyStrings } from '../../../dashboard/views/import/historyStrings.ts';
import { importStrings } from '../../../dashboard/views/import/importStrings.ts';
import { logStrings } from '../../../dashboard/views/logStrings.ts';
import { schoolPageStrings } from '../../../dashboard/views/schoolPageStrings.ts';
import { yearWheelStrings } from '../../../dashboard/views/yearwheel/strings.ts';
import { figureSpecs } from '../../../etl/figures/figureKeys.ts';

// English and Swedish are fetched on demand in the browser (i18n/strings.ts); here once, first.
await Promise.all([loadLanguage('en'), loadLanguage('sv')]);

/** `a.b.c` for every leaf; a list as `path[n]` (its length), a function as `path()`. */
function keyPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (Array.isArray(value)) return [`${path}[${value.length}]`];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keyPaths(v, path ? `${path}.${k}` : k));
  return [path];
}

/** Leaves that are empty strings: a key present but not translated. */
function emptyLeaves(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [path] : [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => emptyLeaves(v, `${path}.${k}`));
  return [];
}

const dictionaries = {
  shared: strings,
  yearWheel: yearWheelStrings,
  competence: competenceStrings,
  deviations: deviationStrings,
  deviationDetails: deviationDetailStrings,
  import: importStrings,
  importHistory: historyStrings,
  log: logStrings,
  schoolPage: schoolPageStrings,
  users: usersStrings,
  providerSignIn: providerSignInStrings,
  noAccess: noAccessStrings,
  mappingEdit: mappingEditStrings,
};

describe('the dashboard dictionaries', () => {
  it('the languages are bokmål, English and Swedish; the switch offers the two others', () => {
    expect(languages).toEqual(['nb', 'en', 'sv']);
    expect(otherLanguages('nb')).toEqual(['en', 'sv']);
    expect(otherLanguages('en')).toEqual(['nb', 'sv']);
    expect(otherLanguages('sv')).toEqual(['nb', 'en']);
  });

  for (const [name, dictionary] of Object.entries(dictionaries)) {
    it(`${name}: English and Swedish have exactly the key paths of bokmål`, () => {
      const nb = keyPaths(dictionary('nb')).sort();
      expect(nb.length).toBeGreaterThan(3);
      expect(keyPaths(dictionary('en')).sort()).toEqual(nb);
      expect(keyPaths(dictionary('sv')).sort()).toEqual(nb);
    });

    it(`${name}: no text is empty in any language, and Swedish is its own dictionary`, () => {
      for (const lang of languages) expect(emptyLeaves(dictionary(lang)), lang).toEqual([]);
      expect(dictionary('sv')).not.toBe(dictionary('nb'));
      expect(dictionary('sv')).not.toBe(dictionary('en'));
    });
  }

  it('a few Swedish words of the trade, written here by hand', () => {
    const sv = strings('sv');
    expect(sv.views.deviations).toBe('Avvikelser');
    expect(sv.appSubtitle).toContain('elevhälsoteam');
    expect(sv.chart.cases).toBe('Ärenden');
    expect(sv.auth.roles.rector).toBe('rektor');
    expect(deviationStrings('sv').agencies.social_services).toBe('Socialtjänst');
    expect(yearWheelStrings('sv').fields.measure_id).toBe('Åtgärd');
  });

  it('every figure has a Swedish label and an English and Swedish definition, and nothing more', () => {
    const keys = figureSpecs.map((s) => s.key).sort();
    expect(Object.keys(labelsSv).sort()).toEqual(keys);
    expect(Object.keys(definitionsEn).sort()).toEqual(keys);
    expect(Object.keys(definitionsSv).sort()).toEqual(keys);
    for (const spec of figureSpecs) {
      expect(labelsSv[spec.key], spec.key).not.toBe(spec.label.nb);
      expect(definitionsSv[spec.key], spec.key).not.toBe(spec.definition);
    }
  });
});
