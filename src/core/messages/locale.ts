export type Locale = 'zh-CN' | 'en-US';

/** Every bilingual string of the core: one text per locale. */
export type Text = Record<Locale, string>;

/** Office reports e.g. `en-US`, `en-GB`, `zh-CN`, `zh-TW`: any English gets English, the rest Chinese. */
export function pickLocale(tag: string | null | undefined): Locale {
  return typeof tag === 'string' && /^en\b/i.test(tag) ? 'en-US' : 'zh-CN';
}
