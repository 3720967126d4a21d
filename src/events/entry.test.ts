import { describe, expect, it } from 'vitest';
import { parseEntry } from './entry';

describe('the Product field reads a quantity and unit as a person writes them', () => {
  it.each([
    ['2 milk', { name: 'milk', quantity: 2 }],
    ['3 onions', { name: 'onions', quantity: 3 }],
    ['2x milk', { name: 'milk', quantity: 2 }],
    ['2 × milk', { name: 'milk', quantity: 2 }],
    ['milk x2', { name: 'milk', quantity: 2 }],
    ['milk x 2', { name: 'milk', quantity: 2 }],
    ['Milk ×3', { name: 'Milk', quantity: 3 }],
    ['milk 2x', { name: 'milk', quantity: 2 }],
    ['500 g flour', { name: 'flour', quantity: 500, unit: 'g' }],
    ['500g flour', { name: 'flour', quantity: 500, unit: 'g' }],
    ['2 bottles of wine', { name: 'wine', quantity: 2, unit: 'bottles' }],
    ['1,5 KG apples', { name: 'apples', quantity: 1.5, unit: 'kg' }],
    ['Potatoes 2 kg', { name: 'Potatoes', quantity: 2, unit: 'kg' }],
    ['flour 500g', { name: 'flour', quantity: 500, unit: 'g' }],
    ['Oat milk 1.5 l', { name: 'Oat milk', quantity: 1.5, unit: 'l' }],
    ['牛奶 2盒', { name: '牛奶', quantity: 2, unit: '盒' }],
    ['鸡蛋 12个', { name: '鸡蛋', quantity: 12, unit: '个' }],
    ['鸡蛋12个', { name: '鸡蛋', quantity: 12, unit: '个' }],
    ['2盒牛奶', { name: '牛奶', quantity: 2, unit: '盒' }],
    ['两盒牛奶', { name: '牛奶', quantity: 2, unit: '盒' }],
    ['牛奶两盒', { name: '牛奶', quantity: 2, unit: '盒' }],
    ['大米 5公斤', { name: '大米', quantity: 5, unit: '公斤' }],
    ['猪肉 1斤', { name: '猪肉', quantity: 1, unit: '斤' }],
  ])('%s', (typed, expected) => {
    expect(parseEntry(typed)).toEqual(expected);
  });

  it.each([
    'Milk',
    'Vitamin B12',
    'iPhone 15',
    '7Up',
    'Coke Zero 330',
    '三明治',
    '十三香',
    '2',
    '500 g',
    '0 milk',
    'x2',
    '牛奶',
  ])('leaves %s a name, whole', (typed) => {
    expect(parseEntry(typed)).toEqual({ name: typed });
  });

  it('cleans the name it reads as names are cleaned', () => {
    expect(parseEntry('  2   green   tea ')).toEqual({ name: 'green tea', quantity: 2 });
  });
});
