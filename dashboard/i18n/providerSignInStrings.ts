/** The words of sign-in through an identity provider (Feide, Entra ID …), by language. */
import type { Lang } from './lang.ts';

export interface ProviderSignInStrings {
  readonly heading: string;
  readonly intro: string;
  readonly failed: string;
  readonly orLocal: string;
}

const nb: ProviderSignInStrings = {
  heading: 'Logg inn med kommunens innlogging',
  intro: 'Bruk samme innlogging som i kommunens andre skolesystemer.',
  failed: 'Innloggingen hos identitetsleverandøren ble ikke godtatt. Prøv igjen; skjer det igjen, kontakt administratoren.',
  orLocal: 'Eller logg inn med lokal bruker',
};

const en: ProviderSignInStrings = {
  heading: 'Sign in with your municipality’s sign-in',
  intro: 'Use the same sign-in as in the municipality’s other school systems.',
  failed: 'The sign-in at the identity provider was not accepted. Try again; if it happens again, contact the administrator.',
  orLocal: 'Or sign in with a local account',
};

const sv: ProviderSignInStrings = {
  heading: 'Logga in med kommunens inloggning',
  intro: 'Använd samma inloggning som i kommunens andra skolsystem.',
  failed: 'Inloggningen hos identitetsleverantören godtogs inte. Försök igen; händer det igen, kontakta administratören.',
  orLocal: 'Eller logga in med ett lokalt konto',
};

const byLang: Readonly<Record<Lang, ProviderSignInStrings>> = { nb, en, sv };

export function providerSignInStrings(lang: Lang): ProviderSignInStrings {
  return byLang[lang];
}
