// @vitest-environment happy-dom
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, deleteAllData, exportData, importData, restoreBackup } from './api';

afterEach(() => clearMocks());

describe('data commands', () => {
  it('send their arguments under the names the commands take', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await restoreBackup('aftermile-20260419T073000Z-auto.sqlite3');
    await exportData('csv');
    await importData();
    await deleteAllData('DELETE');
    expect(calls).toEqual([
      ['restore_backup', { name: 'aftermile-20260419T073000Z-auto.sqlite3' }],
      ['export_data', { format: 'csv' }],
      ['import_data', {}],
      ['delete_all_data', { confirm: 'DELETE' }],
    ]);
  });

  it('surface the first offending record of a refused import', async () => {
    mockIPC(() => {
      throw {
        code: 'invalid_input',
        message: 'sessions[42].distanceM: Distance must be more than 0.',
        field: 'sessions[42].distanceM',
        fields: [],
      };
    });
    const err = await importData().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).payload.fields[0].field).toBe('sessions[42].distanceM');
    expect((err as ApiError).message).toContain('sessions[42].distanceM');
  });
});
