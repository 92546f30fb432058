import { en } from './en.js';
import { ko } from './ko.js';
import type { Lang } from '../lib/format.js';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Lang, Messages> = { en, ko };

/** Replaces `{name}` placeholders; a placeholder without a value stays visible (easy to spot). */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The placeholders a message uses, for the completeness test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return interpolate(DICTIONARIES[lang][key] ?? en[key] ?? key, params);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** Whether a key built at run time (e.g. `field.${name}`) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
