/** Words shared by many messages, in both languages. */
import type { AmountRole, Severity } from '../report';
import type { Locale } from './locale';

export const ROLE_LABEL: Record<Locale, Record<AmountRole, string>> = {
  'zh-CN': { total: '总计', fiscal: '财政拨款', specialAccount: '财政专户拨款', other: '其他资金' },
  'en-US': { total: 'Total', fiscal: 'Fiscal appropriation', specialAccount: 'Special account', other: 'Other funds' },
};

export const SEVERITY_LABEL: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'info' },
};

export const UNIT_LABEL: Record<Locale, Record<'万元' | '元', string>> = {
  'zh-CN': { 万元: '万元', 元: '元' },
  'en-US': { 万元: '×10k yuan', 元: 'yuan' },
};
