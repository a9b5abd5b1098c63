/**
 * The workbooks a batch run checks: files as given, folders walked (iteratively, never by
 * recursion: a deep tree cannot overflow the stack) for .xlsx, .xlsm and .xls. Excel's lock files
 * (`~$book.xlsx`) and the summary being written are left out; symlinked folders are not followed,
 * so a link loop cannot make the walk endless.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';

export const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

export interface Inputs {
  files: string[];
  /** Arguments that name nothing readable, checked anyway so each gets its own reason. */
  dirs: number;
}

export async function expandInputs(args: readonly string[], exclude: readonly string[] = []): Promise<Inputs> {
  const skip = new Set(exclude.map((f) => path.resolve(f)));
  const files: string[] = [];
  let dirs = 0;
  for (const arg of args) {
    const st = await fsp.stat(arg).catch(() => null);
    if (!st || !st.isDirectory()) {
      // A file, or a path that does not exist: the check reports it with its own reason.
      if (!skip.has(path.resolve(arg))) files.push(arg);
      continue;
    }
    dirs++;
    const found: string[] = [];
    const stack = [arg];
    while (stack.length) {
      const dir = stack.pop() as string;
      const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) stack.push(p);
        else if (e.isFile() && WORKBOOK.test(e.name) && !e.name.startsWith('~$') && !skip.has(path.resolve(p)))
          found.push(p);
      }
    }
    found.sort((a, b) => a.localeCompare(b, 'zh-CN'));
    for (const f of found) files.push(f);
  }
  return { files, dirs };
}

/** Whether any argument is a folder (then the run is a batch run). */
export async function anyDirectory(args: readonly string[]): Promise<boolean> {
  for (const a of args) {
    const st = await fsp.stat(a).catch(() => null);
    if (st?.isDirectory()) return true;
  }
  return false;
}
