/**
 * Builds Norwegian national identity numbers (fødselsnummer) for tests, with the two
 * modulus-11 check digits worked out here by hand rather than by the code under test.
 */

/** The 11-digit number for 9 digits (birth date + individual number), or null when no valid check digit exists. */
export function withCheckDigits(nine: string): string | null {
  if (!/^[0-9]{9}$/.test(nine)) throw new Error(`need 9 digits, got ${nine}`);
  const d = [...nine].map((c) => c.charCodeAt(0) - 48);
  // k1 = 11 - ((3d1 + 7d2 + 6m1 + 1m2 + 8y1 + 9y2 + 4i1 + 5i2 + 2i3) mod 11), 11 → 0, 10 → none
  const s1 = 3 * d[0]! + 7 * d[1]! + 6 * d[2]! + 1 * d[3]! + 8 * d[4]! + 9 * d[5]! + 4 * d[6]! + 5 * d[7]! + 2 * d[8]!;
  let k1 = 11 - (s1 % 11);
  if (k1 === 11) k1 = 0;
  if (k1 === 10) return null;
  // k2 = 11 - ((5d1 + 4d2 + 3m1 + 2m2 + 7y1 + 6y2 + 5i1 + 4i2 + 3i3 + 2k1) mod 11)
  const s2 = 5 * d[0]! + 4 * d[1]! + 3 * d[2]! + 2 * d[3]! + 7 * d[4]! + 6 * d[5]! + 5 * d[6]! + 4 * d[7]! + 3 * d[8]! + 2 * k1;
  let k2 = 11 - (s2 % 11);
  if (k2 === 11) k2 = 0;
  if (k2 === 10) return null;
  return `${nine}${k1}${k2}`;
}

/** The first valid number at or after the given 9 digits (counting the individual number up). */
export function validNumberFrom(nine: string): string {
  for (let n = Number(nine); ; n++) {
    const candidate = withCheckDigits(String(n).padStart(9, '0'));
    if (candidate) return candidate;
  }
}

/**
 * The ways people write a number (`ddmmyyiiikk`), each built here by hand: together, 6+5
 * with each separator character, other groupings (4+7, 3+3+3+2, 6+2+3, 2+2+2+5, …), mixed
 * and repeated separators, and the birth date written out with its two- or four-digit year.
 * `century` is the year's first two digits, for the long form.
 */
export function writtenForms(n: string, century = '20'): Array<{ form: string; written: string }> {
  if (!/^[0-9]{11}$/.test(n)) throw new Error(`need 11 digits, got ${n}`);
  const [dd, mm, yy, iii, kk] = [n.slice(0, 2), n.slice(2, 4), n.slice(4, 6), n.slice(6, 9), n.slice(9)];
  const date = `${dd}${mm}${yy}`;
  const personal = `${iii}${kk}`;
  return [
    { form: '11 digits', written: n },
    { form: '6+5, space', written: `${date} ${personal}` },
    { form: '6+5, hyphen', written: `${date}-${personal}` },
    { form: '6+5, dot', written: `${date}.${personal}` },
    { form: '6+5, no-break space', written: `${date}\u00a0${personal}` },
    { form: '6+5, spaced hyphen', written: `${date} - ${personal}` },
    { form: '6+5, slash', written: `${date}/${personal}` },
    { form: '6+5, narrow no-break space', written: `${date}\u202f${personal}` },
    { form: '6+5, en dash (Excel autocorrect)', written: `${date}\u2013${personal}` },
    { form: '6+5, spaced en dash', written: `${date} \u2013 ${personal}` },
    { form: '6+5, hyphen U+2010', written: `${date}\u2010${personal}` },
    { form: '6+5, em dash', written: `${date}\u2014${personal}` },
    { form: '6+5, horizontal bar U+2015', written: `${date}\u2015${personal}` },
    { form: '6+5, minus sign', written: `${date}\u2212${personal}` },
    { form: '6+3+2', written: `${date} ${iii} ${kk}` },
    { form: '4+7', written: `${dd}${mm} ${yy}${personal}` },
    { form: '3+3+3+2', written: `${n.slice(0, 3)} ${n.slice(3, 6)} ${iii} ${kk}` },
    { form: '6+2+3', written: `${date} ${n.slice(6, 8)} ${n.slice(8)}` },
    { form: '2+2+2+5 with spaces', written: `${dd} ${mm} ${yy} ${personal}` },
    { form: '5+6', written: `${n.slice(0, 5)} ${n.slice(5)}` },
    { form: '1+10', written: `${n[0]} ${n.slice(1)}` },
    { form: '10+1', written: `${n.slice(0, 10)}-${n[10]}` },
    { form: 'a separator between every digit', written: [...n].join(' ') },
    { form: 'three mixed separators', written: `${date} -.${personal}` },
    { form: 'dd.mm.yy-iii.kk', written: `${dd}.${mm}.${yy}-${iii}.${kk}` },
    { form: 'dd.mm.yy iiikk', written: `${dd}.${mm}.${yy} ${personal}` },
    { form: 'dd.mm.yy-iiikk', written: `${dd}.${mm}.${yy}-${personal}` },
    { form: 'dd.mm.yy iii kk', written: `${dd}.${mm}.${yy} ${iii} ${kk}` },
    { form: 'dd/mm/yy iiikk', written: `${dd}/${mm}/${yy} ${personal}` },
    { form: 'dd.mm.yyyy iiikk', written: `${dd}.${mm}.${century}${yy} ${personal}` },
    { form: 'dd.mm.yyyy iii kk', written: `${dd}.${mm}.${century}${yy} ${iii} ${kk}` },
    { form: 'dd.mm.yyyy-iiikk', written: `${dd}.${mm}.${century}${yy}-${personal}` },
    { form: 'dd/mm/yyyy\u2013iiikk', written: `${dd}/${mm}/${century}${yy}\u2013${personal}` },
    { form: 'dd. mm. yyyy iiikk', written: `${dd}. ${mm}. ${century}${yy} ${personal}` },
    { form: 'dd.mm.yyyyiiikk', written: `${dd}.${mm}.${century}${yy}${personal}` },
  ];
}
