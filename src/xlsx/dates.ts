/**
 * Date and time cells as the text Excel shows: a date in an amount column must reach the core as
 * text (it is then reported as not a number), never as its serial number or its year.
 */
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as Excel would show it under the cell's format: the common date/time codes, quoted and
 * escaped literals; without a date format, the Chinese default short date `2026/1/5`. ExcelJS gives
 * dates at UTC, so the UTC fields are the cell's fields.
 */
export function formatDate(d: Date, fmt: string | undefined): string {
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  // Built-in formats 14 and 22 follow the system's short date; ExcelJS names them in US order.
  const code = fmt === 'mm-dd-yy' || fmt === 'm/d/yy h:mm' ? '' : (fmt ?? '').split(';')[0];
  if (!/[yd]/i.test(code.replace(/"[^"]*"|\\./g, '')) && !/[hs]/i.test(code.replace(/"[^"]*"|\\./g, ''))) {
    const date = `${y}/${mo}/${day}`;
    return h || mi || s ? `${date} ${h}:${pad2(mi)}` : date;
  }
  const ampm = /AM\/PM|A\/P|上午\/下午/i.test(code);
  let out = '';
  let lastWasHour = false;
  const re = /"([^"]*)"|\\(.)|\[[^\]]*\]|(AM\/PM|A\/P)|(y+|m+|d+|h+|s+|a{3,4})|(.)/gi;
  const tokens: RegExpExecArray[] = [];
  for (let m = re.exec(code); m; m = re.exec(code)) tokens.push(m);
  tokens.forEach((m, idx) => {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += m[2];
    else if (m[3] !== undefined) out += h < 12 ? (m[3].length > 3 ? 'AM' : 'A') : m[3].length > 3 ? 'PM' : 'P';
    else if (m[4] !== undefined) {
      const t = m[4].toLowerCase();
      const c = t[0];
      if (c === 'y') out += t.length <= 2 ? pad2(y % 100) : String(y);
      else if (c === 'd') out += t.length === 1 ? String(day) : t.length === 2 ? pad2(day) : String(day);
      else if (c === 'h') {
        const hh = ampm ? h % 12 || 12 : h;
        out += t.length === 1 ? String(hh) : pad2(hh);
      } else if (c === 's') out += t.length === 1 ? String(s) : pad2(s);
      else if (c === 'a') out += t.length === 4 ? `星期${WEEKDAYS[d.getUTCDay()]}` : WEEKDAYS[d.getUTCDay()];
      else {
        // `m` is minutes right after an hour or right before seconds, else the month.
        const next = tokens.slice(idx + 1).find((n) => n[4] !== undefined);
        const minutes = lastWasHour || (next !== undefined && next[4].toLowerCase().startsWith('s'));
        if (minutes) out += t.length === 1 ? String(mi) : pad2(mi);
        else if (t.length >= 3) out += MONTHS[mo - 1];
        else out += t.length === 1 ? String(mo) : pad2(mo);
      }
      lastWasHour = c === 'h';
      return;
    } else if (m[5] !== undefined) out += m[5];
  });
  return out;
}

/** An Excel serial (days since 1899-12-30, or 1904-01-01) → the instant, at UTC. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}
