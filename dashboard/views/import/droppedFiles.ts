/**
 * The files of one drop or one choice, read as the importer reads a folder: the CSV, TSV,
 * TXT and .xlsx files of the folder itself (no subfolders, as `etl -- import <folder>`), or the files
 * dropped. Each keeps the name it is sent under: its path inside a dropped folder, made
 * unique so the report's rows can be told apart.
 */
const dataFile = /\.(csv|tsv|txt|xlsx)$/i;

export interface DroppedFile {
  /** The name sent to the server and shown in the report. */
  readonly name: string;
  readonly file: File;
}

export interface DroppedFiles {
  readonly files: readonly DroppedFile[];
  /** Names left out: not a CSV, TSV, TXT or .xlsx file. */
  readonly skipped: readonly string[];
}

/** The files of a directory entry, one level deep (readEntries answers in chunks until empty). */
async function directoryFiles(entry: FileSystemDirectoryEntry): Promise<Array<{ path: string; file: File }>> {
  const reader = entry.createReader();
  const entries: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) break;
    entries.push(...chunk);
  }
  const files = entries.filter((e): e is FileSystemFileEntry => e.isFile);
  return Promise.all(files.map(async (e) => ({ path: `${entry.name}/${e.name}`, file: await new Promise<File>((resolve, reject) => e.file(resolve, reject)) })));
}

/** What a drop holds: files, and the files of any folder dropped. */
export async function filesOfDrop(transfer: DataTransfer): Promise<Array<{ path: string; file: File }>> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => e === null)) return [...transfer.files].map((file) => ({ path: file.name, file }));
  const found: Array<{ path: string; file: File }> = [];
  for (const [i, entry] of entries.entries()) {
    if (entry?.isDirectory) found.push(...(await directoryFiles(entry as FileSystemDirectoryEntry)));
    else {
      const file = transfer.items[i]?.getAsFile();
      if (file) found.push({ path: file.name, file });
    }
  }
  return found;
}

/** From an `<input type=file>` (with `webkitdirectory` the path inside the folder; only its top level is taken). */
export function filesOfInput(list: FileList): Array<{ path: string; file: File }> {
  return [...list]
    .map((file) => ({ path: file.webkitRelativePath || file.name, file }))
    .filter((f) => f.path.split('/').length <= 2);
}

/** The data files, named uniquely, in name order; the rest as skipped. */
export function droppedFiles(found: ReadonlyArray<{ path: string; file: File }>): DroppedFiles {
  const sorted = [...found].sort((a, b) => a.path.localeCompare(b.path, 'nb'));
  const used = new Set<string>();
  const files: DroppedFile[] = [];
  const skipped: string[] = [];
  for (const { path, file } of sorted) {
    if (!dataFile.test(file.name)) {
      skipped.push(path);
      continue;
    }
    let name = path;
    for (let n = 2; used.has(name); n++) name = `${path} (${n})`;
    used.add(name);
    files.push({ name, file });
  }
  return { files, skipped };
}
