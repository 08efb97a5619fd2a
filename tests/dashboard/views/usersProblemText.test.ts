import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../dashboard/api/http.ts';
import { usersStrings } from '../../../dashboard/i18n/usersStrings.ts';
import { usersProblemText } from '../../../dashboard/views/usersProblemText.ts';

describe('usersProblemText', () => {
  const readOnly = new ApiError(503, 'read_only', '/api/users/rektor');

  it.each([
    { lang: 'nb', text: 'denne serveren viser et skrivebeskyttet øyeblikksbilde; brukere og koblinger endres på serveren som har databasen' },
    { lang: 'en', text: 'this server shows a read-only snapshot; users and mappings are changed on the server that holds the database' },
    { lang: 'sv', text: 'den här servern visar en skrivskyddad ögonblicksbild; användare och kopplingar ändras på servern som har databasen' },
  ] as const)('says in $lang why a snapshot server saves nothing, not the code', ({ lang, text }) => {
    expect(usersProblemText(usersStrings(lang), readOnly)).toBe(text);
  });

  it('gives a refused parameter’s message, else the code, else the error as text', () => {
    const u = usersStrings('nb');
    expect(usersProblemText(u, new ApiError(400, 'invalid_parameters', '/api/users', [{ parameter: 'username', message: 'for kort' }]))).toBe('for kort');
    expect(usersProblemText(u, new ApiError(409, 'cannot_change_self', '/api/users/admin'))).toBe('cannot_change_self');
    expect(usersProblemText(u, new Error('nett borte'))).toBe('Error: nett borte');
  });
});
