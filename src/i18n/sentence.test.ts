import { describe, expect, it } from 'vitest';
import { says, type Sentence } from '../events/sentence';
import { en } from './en';
import { helpersFor, translate } from './sentence';
import { zhCN } from './zh-CN';

const english = helpersFor(en, 'en');
const inEnglish = (sentence: Sentence) => translate(en, sentence, english);

describe('numbers never show as "-0"', () => {
  it('says a total of negative zero, as a price of "-0" once made, as 0.00', () => {
    expect(inEnglish(says('totals', { toBuy: -0, all: -0 }))).toBe('0.00 to buy, 0.00 in all');
    expect(inEnglish(says('each', { price: -0 }))).toBe('0.00 each');
    expect(inEnglish(says('priced', { name: 'Milk', price: -0 }))).toBe('Milk costs 0.00 each.');
  });

  it('says a negative amount too small for two decimals as 0.00', () => {
    expect(english.money(-0.001)).toBe('0.00');
    expect(english.money(-0.004999)).toBe('0.00');
    expect(english.n(-0.0001)).toBe('0');
    expect(english.n(-0)).toBe('0');
  });

  it('keeps the sign of an amount that is really below zero', () => {
    expect(english.money(-0.01)).toBe('-0.01');
    expect(english.money(-1234.5)).toBe('-1,234.50');
    expect(english.n(-3)).toBe('-3');
  });

  it('leaves other numbers as the language writes them', () => {
    expect(english.money(0)).toBe('0.00');
    expect(english.money(12.5)).toBe('12.50');
    expect(english.n(9999)).toBe('9,999');
  });

  it('says negative zero as zero in Chinese too', () => {
    const chinese = helpersFor(zhCN, 'zh-CN');
    expect(translate(zhCN, says('totals', { toBuy: -0, all: -0.001 }), chinese)).toBe(
      '待买 0.00，合计 0.00',
    );
  });
});
