// `npm run serve` options: ports (0 = free), data folder, and a clear sentence for a mistake.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_OPTIONS, parseHostArgs } from '../../../src-main/host/parse-args';

describe('parseHostArgs', () => {
  it('uses the documented defaults', () => {
    expect(parseHostArgs([])).toEqual(DEFAULT_HOST_OPTIONS);
    expect(DEFAULT_HOST_OPTIONS).toMatchObject({ brokerPort: 1883, wsPort: 9001, uiPort: 5174, counterfitPort: 5000 });
  });

  it('reads ports and the data folder in both spellings', () => {
    expect(parseHostArgs(['--broker-port', '0', '--ws-port=0', '--ui-port', '8080', '--counterfit-port', '0', '--data-dir', 'x'])).toEqual({
      brokerPort: 0,
      wsPort: 0,
      uiPort: 8080,
      counterfitPort: 0,
      dataDir: path.resolve('x'),
    });
  });

  it('explains a bad port or an unknown option', () => {
    expect(() => parseHostArgs(['--ui-port', 'abc'])).toThrow('--ui-port needs a port number from 0 to 65535 (0 = any free port), but got "abc".');
    expect(() => parseHostArgs(['--ui-port', '70000'])).toThrow(/from 0 to 65535/);
    expect(() => parseHostArgs(['--broker-port'])).toThrow(/but got ""/);
    expect(() => parseHostArgs(['--port', '1'])).toThrow('Unknown option "--port"');
  });
});
