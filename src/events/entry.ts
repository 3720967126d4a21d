import { cleanName } from './names';

/*
 * What a person types in the Product field, read as a shop assistant would: "2 milk", "milk x2",
 * "500 g flour", "Potatoes 2 kg", "牛奶 2盒", "鸡蛋12个", "两盒牛奶" are a name with a quantity
 * (and a unit). Pure, and careful: a number that is part of a name ("Vitamin B12", "iPhone 15",
 * "三明治") stays in the name. Only a leading number, an "x2" at the end, or a number with a
 * known unit is a quantity.
 */

export interface Entry {
  readonly name: string;
  /** As typed ("1,5" is 1.5); undefined when the text names none. */
  readonly quantity?: number;
  readonly unit?: string;
}

/** Units written after a number in English and most shops' labels; matched in any case. */
const LATIN_UNITS = [
  'kg',
  'g',
  'mg',
  'l',
  'ml',
  'cl',
  'dl',
  'lb',
  'lbs',
  'oz',
  'pack',
  'packs',
  'packet',
  'packets',
  'bottle',
  'bottles',
  'can',
  'cans',
  'tin',
  'tins',
  'box',
  'boxes',
  'bag',
  'bags',
  'jar',
  'jars',
  'carton',
  'cartons',
  'tub',
  'tubs',
  'dozen',
  'bunch',
  'bunches',
  'loaf',
  'loaves',
  'roll',
  'rolls',
  'pcs',
  'pc',
  'pieces',
  'piece',
];
/** Chinese measure words and units, longest first so 公斤 is not read as 斤. */
const HAN_UNITS = [
  '公斤',
  '千克',
  '毫升',
  '个',
  '盒',
  '瓶',
  '袋',
  '包',
  '斤',
  '两',
  '克',
  '升',
  '罐',
  '听',
  '把',
  '根',
  '颗',
  '只',
  '条',
  '块',
  '打',
  '箱',
  '份',
  '片',
  '串',
  '提',
  '桶',
  '卷',
  '捆',
  '棵',
  '双',
  '支',
  '杯',
  '枚',
  '头',
  '板',
];
const HAN_NUMBERS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

const UNITS: ReadonlySet<string> = new Set([...LATIN_UNITS, ...HAN_UNITS]);
const latin = LATIN_UNITS.join('|');
const han = HAN_UNITS.join('|');
const number = String.raw`\d+(?:[.,]\d+)?`;

/** "500 g flour", "500g flour", "2 milk", "2x milk", "2 × milk". */
const LEADING = new RegExp(
  String.raw`^(${number})\s*(?:(${latin})\b\.?\s*(?:of\s+)?|\s*[x×]\s*|\s+)(?=\S)(.+)$`,
  'iu',
);
/** "2盒牛奶", "12个鸡蛋", "两盒牛奶": a Chinese unit makes the number a quantity. */
const LEADING_HAN = new RegExp(
  String.raw`^(${number}|[一二两三四五六七八九十])\s*(${han})\s*(.+)$`,
  'u',
);
/** "milk x2", "milk × 2", "milk 2x". */
const TRAILING_TIMES = new RegExp(
  String.raw`^(.+?)\s*(?:\s[x×]\s*(${number})|\s(${number})\s*[x×])$`,
  'iu',
);
/** "Potatoes 2 kg", "flour 500g", "牛奶 2盒", "鸡蛋12个", "牛奶两盒". */
const TRAILING_UNIT = new RegExp(
  String.raw`^(.+?)\s*(?:(?<=\s)(${number})\s*(${latin})\.?|(${number}|[一二两三四五六七八九十])\s*(${han}))$`,
  'iu',
);

const amount = (text: string): number => HAN_NUMBERS[text] ?? Number(text.replace(',', '.'));

/** Latin units as shops write them (lower case), Chinese ones as they are. */
const unitAsTyped = (unit: string | undefined): string | undefined =>
  unit === undefined ? undefined : /^[a-z]+$/i.test(unit) ? unit.toLowerCase() : unit;

function entry(name: string, quantity: string, unit?: string): Entry | undefined {
  const cleaned = cleanName(name);
  const q = amount(quantity);
  // "500 g" is an amount with nothing to buy: the whole text stays the name.
  const bare = cleaned === '' || UNITS.has(cleaned.toLowerCase());
  if (bare || !Number.isFinite(q) || q <= 0) return undefined;
  const u = unitAsTyped(unit);
  return u === undefined ? { name: cleaned, quantity: q } : { name: cleaned, quantity: q, unit: u };
}

/** The name, quantity and unit in `text`; just the name when it holds no quantity. */
export function parseEntry(text: string): Entry {
  const typed = text.trim();
  let m = LEADING_HAN.exec(typed);
  if (m) return entry(m[3]!, m[1]!, m[2]) ?? { name: typed };
  m = LEADING.exec(typed);
  if (m) return entry(m[3]!, m[1]!, m[2]) ?? { name: typed };
  m = TRAILING_TIMES.exec(typed);
  if (m) return entry(m[1]!, (m[2] ?? m[3])!) ?? { name: typed };
  m = TRAILING_UNIT.exec(typed);
  if (m) return entry(m[1]!, (m[2] ?? m[4])!, m[3] ?? m[5]) ?? { name: typed };
  return { name: typed };
}
