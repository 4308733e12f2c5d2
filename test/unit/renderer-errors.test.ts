import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../src/renderer/src/common/errors';

describe('adviceFor', () => {
  it('names a full disk and a running setup as what they are, with the core’s own advice', () => {
    const full = adviceFor({ code: 'DISK_FULL', message: 'The disk holding /data is full. Free some space, then try again; nothing was changed.' }, 'Saving');
    expect(full).toEqual({ title: 'The disk is full', message: expect.stringContaining('Free some space') as string, retry: 'Try again' });
    expect(adviceFor({ code: 'SETUP_RUNNING', message: 'Another Hearken is setting up this folder.' }, 'Setup').title).toBe('Another setup is running');
  });

  it('offers no retry where retrying cannot help', () => {
    expect(adviceFor({ code: 'FILE_NOT_GRANTED', message: 'x' }, 'Import').retry).toBeNull();
    expect(adviceFor({ code: 'VALIDATION', message: 'x' }, 'Import').retry).toBeNull();
  });
});
