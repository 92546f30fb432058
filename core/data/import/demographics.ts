/**
 * Canonical demographics. Gender is 'F' | 'M'; an age band is 'NN-NN' (a decade: '20-29'), so
 * L.point's '20대', English '20s' and raw ages land on the same values. Unknown text is an error
 * for the report, not a guess.
 */

const GENDERS: Record<string, 'F' | 'M'> = {
  여성: 'F', 여: 'F', f: 'F', female: 'F', woman: 'F', w: 'F', '2': 'F',
  남성: 'M', 남: 'M', m: 'M', male: 'M', man: 'M', '1': 'M',
};

export function parseGender(s: string): 'F' | 'M' | undefined {
  return GENDERS[s.trim().toLowerCase()];
}

export interface AgeValue {
  band: string;
  age: number | null;
}

/** '20대' | '20s' | '20-29' | '20~29' | '34' → a decade band (and the exact age when given). */
export function parseAge(s: string): AgeValue | undefined {
  const t = s.trim();
  let m = /^([1-9])0\s*(?:대|s|'s)$/i.exec(t);
  if (m) return { band: decade(+m[1] * 10), age: null };
  m = /^([1-9])0\s*[-~]\s*([1-9])9$/.exec(t);
  if (m && +m[1] === +m[2]) return { band: decade(+m[1] * 10), age: null };
  if (/^\d{1,3}$/.test(t)) {
    const age = +t;
    if (age >= 10 && age <= 110) return { band: decade(Math.floor(age / 10) * 10), age };
  }
  return undefined;
}

function decade(lo: number): string {
  return `${lo}-${lo + 9}`;
}
