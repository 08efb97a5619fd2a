/** The words of the "ingen tilgang ennå" page (signed in at a provider, but no role here yet), by language. */
import type { Lang } from './lang.ts';

export interface NoAccessStrings {
  readonly heading: string;
  readonly signedInThere: string;
  /** Before the contact's name (RT_ACCESS_CONTACT), which the page shows in bold. */
  readonly askBefore: string;
  readonly askAfter: string;
  /** When the server names no contact. */
  readonly askAdministrator: string;
  readonly reference: string;
  readonly back: string;
  /** `?reason=groups_unavailable`: the provider's group service could not be asked, so no role could be found. */
  readonly groupsUnavailable: string;
}

const nb: NoAccessStrings = {
  heading: 'Ingen tilgang ennå',
  signedInThere: 'Du er logget inn hos identitetsleverandøren, men har ikke fått en rolle i Ressursteam-tall ennå.',
  askBefore: 'Be ',
  askAfter: ' om tilgang. Forsøket ditt er registrert.',
  askAdministrator: 'Be administratoren for Ressursteam-tall i kommunen om tilgang. Forsøket ditt er registrert.',
  reference: 'Oppgi denne referansen:',
  back: 'Tilbake til innloggingen',
  groupsUnavailable: 'Vi fikk ikke hentet gruppene dine fra identitetsleverandøren, og rollen din avhenger av dem. Prøv igjen om litt; virker det fortsatt ikke, be om hjelp.',
};

const en: NoAccessStrings = {
  heading: 'No access yet',
  signedInThere: 'You are signed in at your identity provider, but have not been given a role in Ressursteam-tall yet.',
  askBefore: 'Ask ',
  askAfter: ' for access. Your attempt has been recorded.',
  askAdministrator: 'Ask your municipality’s administrator of Ressursteam-tall for access. Your attempt has been recorded.',
  reference: 'Quote this reference:',
  back: 'Back to sign-in',
  groupsUnavailable: 'We could not fetch your groups from your identity provider, and your role depends on them. Try again in a while; if it still fails, ask for help.',
};

const sv: NoAccessStrings = {
  heading: 'Ingen åtkomst ännu',
  signedInThere: 'Du är inloggad hos identitetsleverantören, men har inte fått någon roll i Ressursteam-tall ännu.',
  askBefore: 'Be ',
  askAfter: ' om åtkomst. Ditt försök har registrerats.',
  askAdministrator: 'Be kommunens administratör för Ressursteam-tall om åtkomst. Ditt försök har registrerats.',
  reference: 'Uppge den här referensen:',
  back: 'Tillbaka till inloggningen',
  groupsUnavailable: 'Vi kunde inte hämta dina grupper från identitetsleverantören, och din roll beror på dem. Försök igen om en stund; fungerar det fortfarande inte, be om hjälp.',
};

const byLang: Readonly<Record<Lang, NoAccessStrings>> = { nb, en, sv };

export function noAccessStrings(lang: Lang): NoAccessStrings {
  return byLang[lang];
}
