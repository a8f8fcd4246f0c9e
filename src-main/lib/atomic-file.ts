// Atomic JSON file writes (write temp, fsync, rename, fsync the folder) so a crash never leaves a half-written file,
// and tolerant reads that keep a copy of a corrupt file instead of losing it and sweep temp files a crash left.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** `<file>.<pid>.<ms>-<n>.tmp`, as writeFileAtomic names its temp files (older builds: `<file>.<pid>.<ms>.tmp`). */
function tempFileParts(filePath: string, entry: string): { pid: number } | undefined {
  const base = path.basename(filePath);
  if (!entry.startsWith(`${base}.`) || !entry.endsWith('.tmp')) return undefined;
  const match = /^(\d+)\.\d+(?:-\d+)?$/.exec(entry.slice(base.length + 1, -'.tmp'.length));
  return match ? { pid: Number(match[1]) } : undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A process killed between writing its temp file and the rename leaves the temp file behind; without this sweep
 * every such crash leaks one file forever. Only temp files of processes that are gone are removed.
 */
async function removeLeftoverTempFiles(filePath: string): Promise<void> {
  const entries = await fs.readdir(path.dirname(filePath)).catch(() => [] as string[]);
  for (const entry of entries) {
    const temp = tempFileParts(filePath, entry);
    if (temp && temp.pid !== process.pid && !processAlive(temp.pid)) await fs.rm(path.join(path.dirname(filePath), entry), { force: true });
  }
}

/** Makes two writes of one file in the same millisecond use different temp files. */
let tempSequence = 0;

export async function writeFileAtomic(filePath: string, contents: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  const tempPath = `${filePath}.${process.pid}.${Date.now()}-${(tempSequence += 1)}.tmp`;
  const handle = await fs.open(tempPath, 'w', 0o600);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tempPath, filePath);
  await syncDirectory(path.dirname(filePath));
}

/** Makes the rename itself durable (a power cut right after it keeps the new file). POSIX only: Windows cannot open a folder. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Reads JSON; a missing file gives undefined; a corrupt one is kept aside as *.corrupt-<time> and gives undefined. */
export async function readJsonFile(filePath: string): Promise<unknown> {
  await removeLeftoverTempFiles(filePath);
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
