import { describe, expect, it } from 'vitest';
import { CATEGORIES, DEFAULT_STREAM, type Category } from '../events';
import { inEnglish } from '../i18n/english';
import { add, check, edit, moveAisle as moveAisleStep, undo } from '../test/commands';
import { given } from '../test/given';
import { categoryOf, DEFAULT_AISLES, guessCategory, moveAisle } from './aisles';
import { CATEGORY_WORDS } from './category-words';
import { aislesOf } from './lists';
import type { ListState } from './read-model';
import { shoppingView } from './selectors';

const CJK = /[\u3400-\u9fff]/;
const words = Object.values(CATEGORY_WORDS).flatMap((w) => w.split('|'));

describe('the aisle dictionary', () => {
  it('knows at least 150 products in each of English and Simplified Chinese, over 12 aisles', () => {
    expect(words.filter((w) => !CJK.test(w)).length).toBeGreaterThanOrEqual(150);
    expect(words.filter((w) => CJK.test(w)).length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(CATEGORY_WORDS)).toHaveLength(12);
    expect(CATEGORIES).toHaveLength(13);
  });

  it('puts every word it knows in the aisle it lists it under', () => {
    for (const [category, list] of Object.entries(CATEGORY_WORDS)) {
      for (const word of list.split('|')) {
        expect.soft(guessCategory(word), word).toBe(category);
      }
    }
  });

  it('lists no word twice', () => {
    expect(new Set(words).size).toBe(words.length);
  });

  it.each<[string, Category]>([
    ['Milk', 'dairy'],
    ['  MILK ', 'dairy'],
    ['Bread', 'bakery'],
    ['Apples', 'produce'],
    ['bananas', 'produce'],
    ['Blueberries', 'produce'],
    ['Tomatoes', 'produce'],
    ['Chicken breasts', 'meat'],
    ['Salmon fillet', 'fish'],
    ['Frozen peas', 'frozen'],
    ['Canned peaches', 'pantry'],
    ['Chocolate milk', 'dairy'],
    ['Milk chocolate', 'snacks'],
    ['Peanut butter', 'pantry'],
    ['Ice cream', 'frozen'],
    ['Orange juice', 'drinks'],
    ['Toilet paper', 'household'],
    ['Toothpaste', 'personal'],
    ['Nappies', 'baby'],
    ['Batteries', 'household'],
    ['Shampoo', 'personal'],
    ['Shoelaces', 'other'],
    ['Foil', 'household'],
  ])('in English: %s → %s', (name, category) => {
    expect(guessCategory(name)).toBe(category);
  });

  it.each<[string, Category]>([
    ['牛奶', 'dairy'],
    ['面包', 'bakery'],
    ['香蕉', 'produce'],
    ['苹果', 'produce'],
    ['鸡蛋', 'dairy'],
    ['猪肉', 'meat'],
    ['三文鱼', 'fish'],
    ['酱油', 'pantry'],
    ['巧克力牛奶', 'dairy'],
    ['牛奶巧克力', 'snacks'],
    ['牛油果', 'produce'],
    ['奶茶', 'drinks'],
    ['洗面奶', 'personal'],
    ['水果', 'produce'],
    ['速冻水饺', 'frozen'],
    ['婴儿洗发水', 'baby'],
    ['卫生纸', 'household'],
    ['有机大米', 'pantry'],
    ['鞋带', 'other'],
  ])('in Chinese: %s → %s', (name, category) => {
    expect(guessCategory(name)).toBe(category);
  });

  it('lets the person’s choice for a name win over the guess, whatever its case', () => {
    const chosen = new Map<string, Category>([['oat milk', 'drinks']]);
    expect(categoryOf('Oat Milk', chosen)).toBe('drinks');
    expect(categoryOf('Milk', chosen)).toBe('dairy');
  });
});

describe('moving an aisle', () => {
  const shown: Category[] = ['produce', 'dairy', 'frozen'];

  it('steps over aisles with nothing in them, so every press moves it on screen', () => {
    const order = moveAisle(DEFAULT_AISLES, 'frozen', 'up', shown);
    expect(order.filter((c) => shown.includes(c))).toEqual(['produce', 'frozen', 'dairy']);
    expect([...order].sort()).toEqual([...CATEGORIES].sort());
  });

  it('moves down past the next aisle shown', () => {
    const order = moveAisle(DEFAULT_AISLES, 'produce', 'down', shown);
    expect(order.filter((c) => shown.includes(c))).toEqual(['dairy', 'produce', 'frozen']);
  });

  it('leaves the first aisle first and the last aisle last', () => {
    expect(moveAisle(DEFAULT_AISLES, 'produce', 'up', shown)).toEqual(DEFAULT_AISLES);
    expect(moveAisle(DEFAULT_AISLES, 'frozen', 'down', shown)).toEqual(DEFAULT_AISLES);
  });
});

describe('aisles as events', () => {
  const aisles = (list: ListState) =>
    shoppingView(list, DEFAULT_STREAM, '').aisles.map((a) => a.category);

  it('remembers a category chosen for a name, for the next time it is added, and undoes it', () => {
    const chosen = given(add('Oat milk'), edit('Oat milk', { category: 'drinks' }));
    chosen.then((list) => {
      expect(list.categories.get('oat milk')).toBe('drinks');
      expect(inEnglish(list.stacks.get(DEFAULT_STREAM)!.undo.at(-1)!.label)).toBe(
        'Oat milk goes in Drinks now.',
      );
      expect(aisles(list)).toEqual(['drinks']);
    });
    chosen.and(undo()).then((list) => {
      expect(list.categories.size).toBe(0);
      expect(aisles(list)).toEqual(['dairy']);
    });
  });

  it('forgets the choice when the person picks what the dictionary would guess', () => {
    given(
      add('Milk'),
      edit('Milk', { category: 'frozen' }),
      edit('Milk', { category: 'dairy' }),
    ).then((list) => {
      expect(list.categories.size).toBe(0);
      expect(list.stacks.get(DEFAULT_STREAM)!.undo).toHaveLength(3);
    });
  });

  it('records nothing when the category is already the one shown', () => {
    given(add('Milk'))
      .when(edit('Milk', { category: 'dairy' }))
      .then([]);
  });

  it('keeps an aisle order per list, groups by it, and undoes it', () => {
    const reordered = moveAisle(DEFAULT_AISLES, 'dairy', 'up', ['produce', 'dairy']);
    const moved = given(add('Bananas'), add('Milk'), moveAisleStep('dairy', 'up'));
    moved.then((list) => {
      expect(aislesOf(list.lists, DEFAULT_STREAM)).toEqual(reordered);
      expect(aisles(list)).toEqual(['dairy', 'produce']);
    });
    moved.and(undo()).then((list) => expect(aisles(list)).toEqual(['produce', 'dairy']));
  });

  it('steps over the aisles with nothing to buy, so every press moves it on screen', () => {
    given(add('Bananas'), add('Milk'), add('Frozen peas'), check('Milk'))
      .when(moveAisleStep('frozen', 'up'))
      .then((list) => expect(aisles(list)).toEqual(['frozen', 'produce']));
  });
});
