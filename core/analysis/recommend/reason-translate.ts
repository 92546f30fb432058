import { RULE_REASONS } from '../rules/recommender.js';
import { segmentNameIn } from '../segment/segment-names.js';
import { REASONS, type ReasonLang } from './reasons.js';

/**
 * A stored reason in the other language (issue #14: "reasons are rendered in the language of the
 * export, not fixed when the list was computed"). A recommend run stores each reason as text in the
 * language of its `lang` parameter, and runs made before this change hold nothing else; so the
 * export reads the text back by the pattern of its kind (every template of reasons.ts and of the
 * rules recommender, in either language) and renders the same kind with the same values in the
 * language asked for. Numbers are taken as written (a `toFixed` text reads back to the same text);
 * product labels and names the user gave are kept as they are; default segment names are said in
 * Korean (segment-names.ts). A text that matches no pattern (written
 * by a future model, or edited) is returned unchanged. test/unit/analysis/recommend/reason-translate
 * checks that every kind goes to the other language and back.
 */
export function translateReason(text: string, to: ReasonLang): string {
  for (const kind of KINDS) {
    for (const from of ['en', 'ko'] as const) {
      const m = kind[from].exec(text);
      if (m) return kind.render(m.slice(1), from)[to];
    }
  }
  return text;
}

/**
 * A cluster-knn reason ("bought by 2 of your 3 most similar customers in segment 4") with the
 * segment named as it is called now (issue #14: a renamed segment carries its new name to every
 * export). The stored text holds the name of the moment the list was computed; the caller knows the
 * customer's segment and its current name (`segment`, null for a customer in none) and gets the
 * reason in `to` (default: the stored text's language), a default name said in Korean in Korean.
 * Null when the text is no such reason.
 */
export function withCurrentSegment(text: string, segment: string | null, to?: ReasonLang): string | null {
  for (const from of ['en', 'ko'] as const) {
    const m = NEIGHBOURS[from].exec(text);
    if (!m) continue;
    const [n, of] = from === 'en' ? [m[1], m[2]] : [m[3], m[2]];
    const lang = to ?? from;
    return REASONS.neighbours(num(n), num(of), segment === null ? null : segmentNameIn(segment, lang))[lang];
  }
  return null;
}

type Pair = { en: string; ko: string };

interface Kind {
  en: RegExp;
  ko: RegExp;
  /** Both languages from the captured groups (`from` says which pattern captured them). */
  render(groups: string[], from: ReasonLang): Pair;
}

const NUM = '(-?(?:\\d+(?:\\.\\d+)?|Infinity)|NaN)';
const INT = '(-?\\d+)';
const re = (source: string) => new RegExp(`^${source}$`, 's');
/**
 * A number as written back to a number that prints the same: `toFixed` writes a small negative
 * value as "-0.0", which Number reads as -0 and -0 prints as "0.0"; a tiny negative keeps the sign.
 */
const num = (s: string): number => {
  const x = Number(s);
  return x === 0 && s.startsWith('-') ? -1e-12 : x;
};
const fixed = (text: Pair): Kind => ({ en: re(escape(text.en)), ko: re(escape(text.ko)), render: () => text });
const NO_SEGMENT: Pair = { en: 'no segment', ko: '세그먼트 없음' };
/** cluster-knn's reason: en groups (n, of, where), ko groups (where, of, n). */
const NEIGHBOURS = {
  en: re(`bought by ${INT} of your ${INT} most similar customers in (.+)`),
  ko: re(`(.+)에서 가장 비슷한 고객 ${INT}명 중 ${INT}명이 구매`),
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every reason kind; fixed texts first, then the ones with values (patterns are anchored, so order only breaks ties). */
const KINDS: Kind[] = [
  fixed(REASONS.noSimilar()),
  fixed(REASONS.notModelled()),
  fixed(REASONS.noLink()),
  fixed(REASONS.neverBought()),
  { en: re(`no rule applies; popular: in ${INT} receipts`), ko: re(`적용되는 규칙 없음; 인기 상품: 영수증 ${INT}건에 포함`), render: ([n]) => RULE_REASONS.popular(num(n)) },
  { en: re(`popular: in ${INT} receipts`), ko: re(`인기 상품: 영수증 ${INT}건에 포함`), render: ([n]) => REASONS.popular(num(n)) },
  { en: re(`you bought it in ${INT} receipts`), ko: re(`고객님이 영수증 ${INT}건에서 구매`), render: ([n]) => REASONS.own(num(n)) },
  { en: re(`popular in your segment: in ${INT} receipts`), ko: re(`고객님 세그먼트의 인기 상품: 영수증 ${INT}건에 포함`), render: ([n]) => REASONS.segment(num(n)) },
  { en: re(`customers who bought (.+) also bought it \\(cosine ${NUM}\\)`), ko: re(`(.+)을\\(를\\) 산 고객이 함께 산 상품 \\(코사인 ${NUM}\\)`), render: ([label, c]) => REASONS.itemKnn(label, num(c)) },
  { en: re(`goes with (.+) \\(weight ${NUM}\\)`), ko: re(`(.+)와\\(과\\) 함께 사는 상품 \\(가중치 ${NUM}\\)`), render: ([label, w]) => REASONS.easeLink(label, num(w)) },
  {
    ...NEIGHBOURS,
    render: (g, from) => {
      const [n, of, where] = from === 'en' ? g : [g[2], g[1], g[0]];
      const segment = where === NO_SEGMENT[from] ? null : where;
      // A default segment name ("segment 2") is said in Korean too, as the export's segment column.
      return { en: REASONS.neighbours(num(n), num(of), segment).en, ko: REASONS.neighbours(num(n), num(of), segment === null ? null : segmentNameIn(segment, 'ko')).ko };
    },
  },
  {
    en: re(`score ${NUM} = buy level ${NUM} \\+ category share ${NUM} \\+ interval ${NUM}(?:; you buy it every ~${INT} days)?`),
    ko: re(`점수 ${NUM} = 구매 수준 ${NUM} \\+ 카테고리 비중 ${NUM} \\+ 구매 주기 ${NUM}(?:; 약 ${INT}일마다 구매)?`),
    render: ([s, b, c, i, every]) => REASONS.preference(num(s), num(b), num(c), num(i), every === undefined ? null : num(every)),
  },
  {
    en: re(`(?:you bought it in ${INT} receipts(?:, last ${INT} days? ago)?; )?${INT} of your ${INT} most similar customers(?: too| bought it)`),
    ko: re(`(?:고객님이 영수증 ${INT}건에서 구매(?: \\(마지막 ${INT}일 전\\))?; )?가장 비슷한 고객 ${INT}명 중 ${INT}명(?:도 구매|이 구매)`),
    render: (g, from) => {
      const [receipts, daysAgo, a, b] = g;
      const [neighbours, of] = from === 'en' ? [a, b] : [b, a];
      return REASONS.tifu(receipts === undefined ? 0 : num(receipts), daysAgo === undefined ? null : num(daysAgo), num(neighbours), num(of));
    },
  },
  { en: re(`predicted score ${NUM} \\(already bought\\)`), ko: re(`예측 점수 ${NUM} \\(이미 구매\\)`), render: ([s]) => REASONS.predictedOwn(num(s)) },
  {
    en: re(`predicted score ${NUM} for a product you have not bought yet \\(learned from customers like you\\)`),
    ko: re(`예측 점수 ${NUM}: 아직 사지 않은 상품 \\(비슷한 고객에게서 학습\\)`),
    render: ([s]) => REASONS.predictedNew(num(s)),
  },
  {
    // Rendered from the texts as written: the weights are rounded percentages, not the model's share.
    en: re(`next-purchase model: ${NUM} % chance for (.+), from your latest visits \\(weight ${INT} %\\) and your longer history \\(${INT} %\\)`),
    ko: re(`다음 구매 모델: (.+) 구매 확률 ${NUM} %, 최근 방문 ${INT} %와 긴 구매 이력 ${INT} % 반영`),
    render: (g, from) => {
      const [p, label, recent, longer] = from === 'en' ? g : [g[1], g[0], g[2], g[3]];
      return {
        en: `next-purchase model: ${p} % chance for ${label}, from your latest visits (weight ${recent} %) and your longer history (${longer} %)`,
        ko: `다음 구매 모델: ${label} 구매 확률 ${p} %, 최근 방문 ${recent} %와 긴 구매 이력 ${longer} % 반영`,
      };
    },
  },
  {
    // The rules recommender joins antecedents with ' and ' (English) or ', ' (Korean).
    en: re(`bought (.+?) → (.+), confidence ${NUM}`),
    ko: re(`(.+?) 구매 → (.+), 신뢰도 ${NUM}`),
    render: ([antecedent, consequent, c], from) => {
      const items = antecedent.split(from === 'en' ? ' and ' : ', ');
      return { en: RULE_REASONS.rule(items.join(' and '), consequent, num(c)).en, ko: RULE_REASONS.rule(items.join(', '), consequent, num(c)).ko };
    },
  },
];
