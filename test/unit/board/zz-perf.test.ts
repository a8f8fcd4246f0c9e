import { it } from 'vitest';
import { LineSplitter } from '../../../src-main/services/board/line-splitter';
import { toLineText, MojibakeDetector } from '../../../src-main/services/board/line-text';
import { parsePlotValues } from '../../../src-main/services/board/plot-parser';
import { Understanding } from '../../../src-main/services/board/understanding';
import { MonitorLog } from '../../../src-main/services/board/monitor-log';
import { PlotStore } from '../../../src-main/services/board/plot-store';
it('perf', async () => {
  const chunk = Buffer.from(Array.from({ length: 1000 }, (_, i) => `Sending telemetry {"light":${i}}\r\nlight:${i} temp=21.5\r\n`).join(''));
  const s = new LineSplitter(65536); const u = new Understanding(); const log = new MonitorLog(() => {}); const plot = new PlotStore(() => {}); const m = new MojibakeDetector();
  const times: Record<string, number> = { split: 0, text: 0, und: 0, plot: 0, log: 0, moj: 0 };
  for (let k = 0; k < 50; k++) {
    for (let off = 0; off < chunk.length; off += 1024) {
      const part = chunk.subarray(off, off + 1024);
      let t = performance.now(); m.observe(part); times.moj += performance.now() - t;
      t = performance.now(); const lines = s.push(part); times.split += performance.now() - t;
      for (const l of lines) {
        t = performance.now(); const { text } = toLineText(l.bytes); times.text += performance.now() - t;
        t = performance.now(); log.append('in', text); times.log += performance.now() - t;
        t = performance.now(); u.observe(text); times.und += performance.now() - t;
        t = performance.now(); plot.add(Date.now(), parsePlotValues(text)); times.plot += performance.now() - t;
      }
    }
  }
  console.log(JSON.stringify(times));
  log.dispose(); plot.dispose();
}, 120000);
