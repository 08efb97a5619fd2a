import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyAgainstNothing, verifyPassword } from '../../../etl/accounts/passwordHash.ts';

const cheap = { n: 1024, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('verifyPassword accepts the password and nothing else', async () => {
    const hash = await hashPassword('riktig hest batteri stift', cheap);
    expect(await verifyPassword('riktig hest batteri stift', hash)).toBe(true);
    expect(await verifyPassword('riktig hest batteri stif', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('hashPassword stores the scrypt parameters and a fresh salt with every hash', async () => {
    const [a, b] = [await hashPassword('samme passord her', cheap), await hashPassword('samme passord her', cheap)];
    expect(a).toMatch(/^\$scrypt\$n=1024,r=8,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('samme passord her', b)).toBe(true);
  });

  it('hashPassword defaults to n=32768, r=8, p=1', async () => {
    expect(await hashPassword('standardkostnad-passord')).toMatch(/^\$scrypt\$n=32768,r=8,p=1\$/);
  });

  it('verifyPassword treats NFC and NFD spellings of æøå alike', async () => {
    const hash = await hashPassword('blåbærsyltetøy'.normalize('NFC'), cheap);
    expect(await verifyPassword('blåbærsyltetøy'.normalize('NFD'), hash)).toBe(true);
  });

  it.each([
    ['plain text', 'hunter2'],
    ['an unknown scheme', '$argon2id$v=19$m=65536$abc$def'],
    ['an absurd cost', '$scrypt$n=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['a cost that is not a power of two', '$scrypt$n=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['an empty string', ''],
  ])('verifyPassword refuses a stored value that is %s', async (_label, stored) => {
    expect(await verifyPassword('hunter2', stored)).toBe(false);
  });

  it('verifyAgainstNothing is always false', async () => {
    expect(await verifyAgainstNothing('anything at all')).toBe(false);
  });
});

describe('generatePassword', () => {
  it('gives 24 URL-safe characters, different every time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
