/**
 * The ids of the language switch's two links: the first keeps the old two-way switch's id
 * (bokmål ↔ English), so a link or test that clicked it still lands there; the second goes
 * to the remaining language.
 */
export function languageSwitchId(index: number): string {
  return index === 0 ? 'language-switch' : 'language-switch-2';
}
