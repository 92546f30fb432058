/**
 * Planted basket rules. When a receipt holds every antecedent product and not the
 * consequent, the consequent is added to that receipt with probability `p` (if the retailer
 * sells its category). Rules are applied in this order, so rule 5's antecedent pair is
 * partly made by rule 4. Measured confidence is ≥ p, because the consequent also turns up
 * on its own. Rule products are never cyclic and never returned.
 */

export interface BasketRule {
  id: string;
  antecedents: readonly string[];
  consequent: string;
  p: number;
  /** True for the rule among mid/low-popularity categories, for the "long tail" mining mode. */
  longTail?: boolean;
}

export const RULES: readonly BasketRule[] = [
  { id: 'R1', antecedents: ['봉지라면'], consequent: '생수2L', p: 0.9 },
  { id: 'R2', antecedents: ['삼겹살'], consequent: '상추', p: 0.85 },
  { id: 'R3', antecedents: ['수입맥주'], consequent: '마른안주', p: 0.8 },
  { id: 'R4', antecedents: ['스파게티면'], consequent: '토마토파스타소스', p: 0.75 },
  { id: 'R5', antecedents: ['스파게티면', '토마토파스타소스'], consequent: '파마산치즈', p: 0.8 },
  { id: 'R6', antecedents: ['골프공'], consequent: '골프장갑', p: 0.7, longTail: true },
];
