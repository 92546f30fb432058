import type { Archetype, HourBump } from './archetype-types.js';
import type { Group } from './taxonomy-types.js';

/** Builds a full spend-share mix from the groups an archetype actually buys (others get a token 0.1). */
function mix(m: Partial<Record<Group, number>>): Record<Group, number> {
  const all: Group[] = ['fresh', 'chilled', 'pantry', 'snack', 'alcohol', 'ready', 'tobacco', 'household', 'beauty', 'health', 'baby', 'fashion', 'luxury', 'digital', 'leisure', 'dining', 'gift'];
  return Object.fromEntries(all.map((g) => [g, m[g] ?? 0.1])) as Record<Group, number>;
}

const ONLINE_EVENING: readonly HourBump[] = [[12.5, 1.2, 0.2], [21.5, 1.5, 0.65], [0.5, 1, 0.15]];

/**
 * The eight planted customer archetypes. Shares sum to 1. Their recovery is what the
 * segmentation analyses are tested on (docs/demo-data.md, "What each later analysis should find").
 */
export const ARCHETYPES: readonly Archetype[] = [
  {
    id: 'family_grocery', label: '가족 장보기형', share: 0.2, female: 0.78, ages: [0.03, 0.35, 0.42, 0.15, 0.04, 0.01], regionSkew: { 9: 1.3 },
    trips: 27, basket: 1.25, offlineOnly: 0.4, online: 0.25, retailers: [0.06, 0.42, 0.22, 0.08, 0.03, 0.19],
    mix: mix({ fresh: 24, chilled: 14, pantry: 10, snack: 8, alcohol: 3, ready: 1, tobacco: 0.5, household: 10, beauty: 4, health: 3, baby: 4, fashion: 6, luxury: 0.5, digital: 7, leisure: 2, dining: 2, gift: 1 }),
    boost: {}, priceLevel: 1, weekdays: [0.8, 0.8, 0.8, 0.85, 1.0, 1.7, 1.5],
    hoursWeekday: [[11, 1.5, 0.3], [18.5, 1.5, 0.7]], hoursWeekend: [[11, 1.5, 0.4], [15, 2, 0.6]], hoursOnline: ONLINE_EVENING,
    partnerUses: 11, partners: [0.06, 0.25, 0.15, 0.22, 0.22, 0.1], lpay: 0.28, gift: 0.25,
  },
  {
    id: 'single_convenience', label: '1인 편의점형', share: 0.14, female: 0.35, ages: [0.55, 0.3, 0.1, 0.05, 0, 0], regionSkew: { 16: 1.3 },
    trips: 46, basket: 0.9, offlineOnly: 0.8, online: 0.15, retailers: [0.03, 0.08, 0.1, 0.7, 0.02, 0.07],
    mix: mix({ fresh: 3, chilled: 6, pantry: 8, snack: 16, alcohol: 16, ready: 20, tobacco: 18, household: 3, beauty: 2, health: 1, fashion: 4, digital: 4, leisure: 2, dining: 1 }),
    boost: {}, priceLevel: 0.8, weekdays: [1.05, 1.05, 1.05, 1.05, 1.2, 0.85, 0.75],
    hoursWeekday: [[8, 1, 0.25], [12.5, 1, 0.2], [20.5, 2, 0.45], [0.5, 1, 0.1]], hoursWeekend: [[13, 2, 0.4], [21, 2.5, 0.5], [1, 1, 0.1]], hoursOnline: ONLINE_EVENING,
    partnerUses: 7, partners: [0.02, 0.2, 0.03, 0.35, 0.38, 0.02], lpay: 0.3, gift: 0.03,
  },
  {
    id: 'online_trendy', label: '온라인 뷰티·패션형', share: 0.14, female: 0.82, ages: [0.45, 0.4, 0.12, 0.03, 0, 0], regionSkew: { 9: 1.3, 16: 1.4 },
    trips: 30, basket: 1, offlineOnly: 0, online: 0.8, retailers: [0.1, 0.06, 0.04, 0.08, 0.04, 0.68],
    mix: mix({ fresh: 3, chilled: 4, pantry: 5, snack: 5, alcohol: 0.5, ready: 1, household: 8, beauty: 28, health: 8, baby: 1, fashion: 28, luxury: 3, digital: 5, leisure: 3, dining: 1, gift: 0.5 }),
    boost: { '화장품/뷰티케어': 1.5 }, priceLevel: 1, weekdays: [1.15, 1.1, 1.1, 1.05, 0.9, 0.8, 1.0],
    hoursWeekday: [[19, 1.5, 1]], hoursWeekend: [[14, 2.5, 1]], hoursOnline: [[12.5, 1, 0.2], [22, 1.5, 0.7], [0.5, 1, 0.1]],
    partnerUses: 13, partners: [0.08, 0.35, 0.08, 0.35, 0.12, 0.02], lpay: 0.45, gift: 0.08,
  },
  {
    id: 'premium_department', label: '백화점 VIP형', share: 0.08, female: 0.75, ages: [0, 0.05, 0.3, 0.4, 0.2, 0.05], regionSkew: { 16: 2.0 },
    trips: 34, basket: 1, offlineOnly: 0.55, online: 0.25, retailers: [0.55, 0.1, 0.1, 0.05, 0.05, 0.15],
    mix: mix({ fresh: 8, chilled: 4, pantry: 2, snack: 2, alcohol: 3, household: 4, beauty: 12, health: 4, baby: 1, fashion: 25, luxury: 45, digital: 3, leisure: 5, dining: 6, gift: 3 }),
    boost: { 골프: 10, 축산물: 1.5 }, priceLevel: 1.9, weekdays: [0.8, 0.8, 0.85, 0.9, 1.1, 1.6, 1.5],
    hoursWeekday: [[14, 2, 0.5], [18, 1.5, 0.5]], hoursWeekend: [[14.5, 2.5, 1]], hoursOnline: ONLINE_EVENING,
    partnerUses: 24, partners: [0.2, 0.15, 0.05, 0.45, 0.05, 0.1], lpay: 0.4, gift: 0.3,
  },
  {
    id: 'senior_traditional', label: '시니어 전통장보기형', share: 0.12, female: 0.62, ages: [0, 0, 0, 0.15, 0.5, 0.35], regionSkew: { 9: 0.7, 16: 0.6 },
    trips: 23, basket: 1.05, offlineOnly: 1, online: 0, retailers: [0.04, 0.38, 0.5, 0.05, 0.03, 0],
    mix: mix({ fresh: 38, chilled: 12, pantry: 12, snack: 4, alcohol: 2, ready: 0.5, tobacco: 1, household: 7, beauty: 2, health: 14, baby: 0.3, fashion: 3, digital: 1, leisure: 0.5, dining: 1, gift: 2 }),
    boost: { 건강식품: 2, 수산물: 1.5 }, priceLevel: 0.72, weekdays: [1.15, 1.15, 1.15, 1.1, 1.05, 0.8, 0.6],
    hoursWeekday: [[10, 1.5, 0.8], [16, 1.5, 0.2]], hoursWeekend: [[11, 1.5, 1]], hoursOnline: ONLINE_EVENING,
    partnerUses: 2, partners: [0.05, 0.05, 0.02, 0.4, 0.43, 0.05], lpay: 0.1, gift: 0.2,
  },
  {
    id: 'tech_enthusiast', label: '디지털·취미형', share: 0.08, female: 0.18, ages: [0.2, 0.45, 0.3, 0.05, 0, 0], regionSkew: { 9: 1.2 },
    trips: 16, basket: 0.9, offlineOnly: 0.25, online: 0.45, retailers: [0.05, 0.1, 0.05, 0.2, 0.38, 0.22],
    mix: mix({ fresh: 2, chilled: 2, pantry: 3, snack: 4, alcohol: 3, ready: 3, tobacco: 2, household: 3, beauty: 1, health: 1, fashion: 4, luxury: 0.5, digital: 70, leisure: 12, dining: 0.5 }),
    boost: { '컴퓨터/주변기기': 1.3, 골프: 3 }, priceLevel: 1.3, weekdays: [0.85, 0.85, 0.85, 0.9, 1.0, 1.5, 1.3],
    hoursWeekday: [[19.5, 1.5, 1]], hoursWeekend: [[14, 2.5, 1]], hoursOnline: [[13, 1.5, 0.2], [22.5, 1.5, 0.6], [1, 1, 0.2]],
    partnerUses: 9, partners: [0.06, 0.3, 0.06, 0.2, 0.28, 0.1], lpay: 0.35, gift: 0.05,
  },
  {
    id: 'young_parent', label: '영유아 부모형', share: 0.09, female: 0.85, ages: [0.15, 0.7, 0.15, 0, 0, 0], regionSkew: { 9: 1.4 },
    trips: 23, basket: 1.15, offlineOnly: 0, online: 0.65, retailers: [0.05, 0.3, 0.1, 0.03, 0.02, 0.5],
    mix: mix({ fresh: 10, chilled: 10, pantry: 6, snack: 5, alcohol: 1, ready: 1, household: 10, beauty: 4, health: 3, baby: 40, fashion: 5, digital: 4, leisure: 1, dining: 0.5, gift: 0.5 }),
    boost: { '출산/육아용품': 2 }, priceLevel: 1.05, weekdays: [1.0, 1.0, 1.0, 1.0, 1.0, 1.15, 1.1],
    hoursWeekday: [[10.5, 1.2, 0.6], [17, 1.5, 0.4]], hoursWeekend: [[12, 2.5, 1]], hoursOnline: [[10, 1.5, 0.2], [22.5, 1.5, 0.6], [1, 1, 0.2]],
    partnerUses: 7, partners: [0.05, 0.12, 0.3, 0.2, 0.25, 0.08], lpay: 0.45, gift: 0.1,
  },
  {
    id: 'light_occasional', label: '가끔 이용형', share: 0.15, female: 0.6, ages: [0.2, 0.2, 0.2, 0.18, 0.12, 0.1], regionSkew: {},
    trips: 8, basket: 0.85, offlineOnly: 0.7, online: 0.35, retailers: [0.15, 0.2, 0.15, 0.25, 0.05, 0.2],
    mix: mix({ fresh: 10, chilled: 8, pantry: 8, snack: 10, alcohol: 6, ready: 6, tobacco: 5, household: 8, beauty: 6, health: 3, baby: 2, fashion: 10, luxury: 1, digital: 8, leisure: 4, dining: 3, gift: 1 }),
    boost: {}, priceLevel: 1, weekdays: [0.9, 0.9, 0.9, 0.95, 1.15, 1.2, 1.0],
    hoursWeekday: [[12, 2, 0.4], [18, 1.5, 0.6]], hoursWeekend: [[14, 3, 1]], hoursOnline: ONLINE_EVENING,
    partnerUses: 3, partners: [0.08, 0.25, 0.08, 0.25, 0.29, 0.05], lpay: 0.12, gift: 0.08,
  },
];

export const AGE_BANDS = ['20대', '30대', '40대', '50대', '60대', '70대'] as const;

/** Gender multipliers on single 대분류 (by name): men and women of one archetype still shop differently. */
export const GENDER_BOOST: Readonly<Record<'male' | 'female', Readonly<Record<string, number>>>> = {
  male: { 남성의류: 2.5, 여성의류: 0.2, '화장품/뷰티케어': 0.4, 담배: 2.5, 주류: 1.3, 골프: 1.5, 자동차용품: 2, '컴퓨터/주변기기': 1.3 },
  female: { 여성의류: 1.5, 남성의류: 0.4, 담배: 0.25, '화장품/뷰티케어': 1.2 },
};
