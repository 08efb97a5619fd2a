/** The start log's demo-user lines name each role in bokmål (issue 12), as the dashboard does. */
import { describe, expect, it } from 'vitest';
import { describeDemoUsers } from '../../server/demoUsers.ts';

describe('describeDemoUsers', () => {
  it('prints the roles in bokmål with their scope', () => {
    const text = describeDemoUsers([
      { username: 'admin', password: 'pw-a', role: 'admin', municipality: null, school_id: null, school_name: null },
      { username: 'kommune', password: 'pw-k', role: 'municipality', municipality: 'Fjordvik', school_id: null, school_name: null },
      { username: 'ppt', password: 'pw-p', role: 'ppt', municipality: 'Fjordvik', school_id: null, school_name: null },
      { username: 'rektor', password: 'pw-r', role: 'rector', municipality: 'Fjordvik', school_id: '990010014', school_name: 'Havblikk skole' },
    ]);
    expect(text.split('\n')).toEqual([
      'Demobrukere (passordene vises bare denne ene gangen, lagres bare som hash):',
      '  admin    pw-a   (administrator: alle skoler)',
      '  kommune  pw-k   (kommune: Fjordvik)',
      '  ppt      pw-p   (PPT: Fjordvik)',
      '  rektor   pw-r   (rektor: Havblikk skole, Fjordvik)',
    ]);
  });
});
