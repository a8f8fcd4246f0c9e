// Exported history opens correctly elsewhere: one JSON object per line, or CSV a spreadsheet reads without
// running a stranger's payload as a formula; file names are safe and keep Telugu letters.
import { describe, expect, it } from 'vitest';
import type { ExplorerMessage } from '../../../src-shared/contract/explorer';
import { csvField, exportFileName, exportHistory } from '../../../src-main/services/explorer/history-export';

const message = (payload: string, extra: Partial<ExplorerMessage> = {}): ExplorerMessage => ({
  id: 1,
  topic: 'lab/light',
  payload,
  payloadEncoding: 'utf8',
  sizeBytes: Buffer.byteLength(payload),
  truncated: false,
  qos: 1,
  retain: false,
  receivedAtMs: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
  ...extra,
});

describe('exportHistory', () => {
  it('writes JSON lines that parse back to the messages', () => {
    const text = exportHistory([message('{"light":12}'), message('AAE=', { payloadEncoding: 'base64', sizeBytes: 2 })], 'jsonl');
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      receivedAt: '2025-01-02T03:04:05.006Z',
      receivedAtMs: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
      topic: 'lab/light',
      qos: 1,
      retain: false,
      sizeBytes: 12,
      payloadEncoding: 'utf8',
      payload: '{"light":12}',
    });
    expect(lines[1]).toMatchObject({ payloadEncoding: 'base64', payload: 'AAE=' });
  });

  it('writes CSV with a header, quoting commas, quotes and line breaks', () => {
    const text = exportHistory([message('{"a":1,"b":"x"}'), message('line1\nline2')], 'csv');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('receivedAt,receivedAtMs,topic,qos,retain,sizeBytes,payloadEncoding,payload');
    expect(lines[1]).toBe(`2025-01-02T03:04:05.006Z,${Date.UTC(2025, 0, 2, 3, 4, 5, 6)},lab/light,1,false,15,utf8,"{""a"":1,""b"":""x""}"`);
    expect(text).toContain('"line1\nline2"');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('defuses formulas but keeps plain negative numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('+1e3')).toBe('+1e3');
  });
});

describe('exportFileName', () => {
  it('turns a topic into a safe file name', () => {
    expect(exportFileName('home/living room/light', 'csv')).toBe('home_living-room_light-history.csv');
    expect(exportFileName('ఇల్లు/వెలుగు', 'jsonl')).toBe('ఇల్లు_వెలుగు-history.jsonl');
    expect(exportFileName('../../etc/passwd', 'csv')).toBe('_.._etc_passwd-history.csv');
    expect(exportFileName('$$$', 'csv')).toBe('topic-history.csv');
  });
});
