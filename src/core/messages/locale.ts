export type Locale = 'zh-CN' | 'en-US';

/** Office reports e.g. `en-US`, `en-GB`, `zh-CN`, `zh-TW`: any English gets English, the rest Chinese. */
export function pickLocale(tag: string | null | undefined): Locale {
  return typeof tag === 'string' && /^en\b/i.test(tag) ? 'en-US' : 'zh-CN';
}
