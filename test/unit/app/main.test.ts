// The composition root: main.ts hands the lab the Electron pieces (safeStorage, utility-process broker, fixed ports).
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveAppPaths, runElectronApp, type ElectronAppOptions } from '../../../src-main/app/electron-app';
import { SafeStorageSecretStore } from '../../../src-main/app/safe-storage-secret-store';
import { createLab, type LabOptions } from '../../../src-main/services/create-lab';
import type * as ElectronAppModule from '../../../src-main/app/electron-app';
import type * as CreateLabModule from '../../../src-main/services/create-lab';
import { utilityProcess } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../../src-main/app/electron-app', async (importOriginal) => ({
  ...(await importOriginal<typeof ElectronAppModule>()),
  runElectronApp: vi.fn(),
}));
vi.mock('../../../src-main/services/create-lab', async (importOriginal) => ({
  ...(await importOriginal<typeof CreateLabModule>()),
  createLab: vi.fn(async () => ({ bus: { subscribe: vi.fn() }, start: vi.fn(), dispose: vi.fn() })),
}));

describe('main.ts', () => {
  it('starts the Electron app once, from its own folder', async () => {
    await import('../../../src-main/main');
    expect(runElectronApp).toHaveBeenCalledTimes(1);
    const options = vi.mocked(runElectronApp).mock.calls[0]?.[0] as ElectronAppOptions;
    expect(options.mainDir).toBe(path.resolve(__dirname, '../../../src-main'));
  });

  it('builds the lab with safeStorage, the utility-process broker on 1883/9001, and answers as the electron shell', async () => {
    await import('../../../src-main/main');
    const options = vi.mocked(runElectronApp).mock.calls[0]?.[0] as ElectronAppOptions;
    const paths = resolveAppPaths('/app/out/main');
    const { dispatch } = await options.buildLab({ dataDir: '/data', version: '1.2.3', paths });

    const labOptions = vi.mocked(createLab).mock.calls[0]?.[0] as LabOptions;
    expect(labOptions).toMatchObject({ dataDir: '/data', brokerTcpPort: 1883, brokerWsPort: 9001 });
    expect(labOptions.secretStore).toBeInstanceOf(SafeStorageSecretStore);
    labOptions.forkBrokerWorker();
    expect(utilityProcess.fork).toHaveBeenCalledWith('/app/out/main/broker-worker.js', [], expect.any(Object));

    await expect(dispatch('app.getInfo', {})).resolves.toEqual({
      ok: true,
      value: { version: '1.2.3', shell: 'electron', labClientName: 'lab' },
    });
  });
});
