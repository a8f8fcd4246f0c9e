// Atomic JSON file writes (write temp, fsync, rename) so a crash never leaves a half-written file,
// and tolerant reads that keep a copy of a corrupt file instead of losing it.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function writeFileAtomic(filePath: string, contents: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  const tempPath = `${filePath}.${process.pid}.${Date.now()}.tmp`;
  const handle = await fs.open(tempPath, 'w', 0o600);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tempPath, filePath);
}

/** Reads JSON; a missing file gives undefined; a corrupt one is kept aside as *.corrupt-<time> and gives undefined. */
export async function readJsonFile(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    await fs.rename(filePath, `${filePath}.corrupt-${Date.now()}`);
    return undefined;
  }
}
