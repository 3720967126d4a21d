import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { inEnglish } from '../i18n/english';
import { add, addIn, check, edit, move, placeAisle, remove, undo } from '../test/commands';
import { given, type Spec } from '../test/given';
import { shoppingView } from './selectors';
import type { ListState } from './read-model';

/** What the list shows still to buy, in its order: "Flour 500 g", "Milk × 2". */
const shown = (list: ListState) =>
  shoppingView(list, DEFAULT_STREAM, '').toBuy.map(
    (p) => `${p.name} ${p.unit ? `${p.quantity} ${p.unit}` : `× ${p.quantity}`}`,
  );
const product = (list: ListState, name: string) =>
  [...list.products.values()].find((p) => p.name === name);
/** What the status line and Undo say of the last thing done. */
const said = (spec: Spec) => inEnglish(spec.state.stacks.get(DEFAULT_STREAM)!.undo.at(-1)!.label);

describe('units: what a quantity counts', () => {
  it('an add may name its unit, and the list and the history say it', () => {
    const spec = given(addIn('Flour', 500, 'g'), add('Milk', 2));
    expect(shown(spec.state)).toEqual(['Milk × 2', 'Flour 500 g']);
    expect(inEnglish(spec.state.stacks.get(DEFAULT_STREAM)!.undo[0]!.label)).toBe(
      'Added Flour 500 g.',
    );
  });

  it('a re-add in the same unit adds up, and says the new amount', () => {
    const spec = given(addIn('Potatoes', 2, 'kg'), addIn('potatoes', 1, 'kg'));
    expect(shown(spec.state)).toEqual(['Potatoes 3 kg']);
    expect(said(spec)).toBe('Potatoes is now 3 kg.');
    // Without a unit, the amount counts in the product's own unit.
    const plain = spec.and(add('potatoes', 1));
    expect(shown(plain.state)).toEqual(['Potatoes 4 kg']);
    expect(said(plain)).toBe('Potatoes is now 4 kg.');
  });

  it('a re-add in another unit is what is needed now, said so, and one undo puts both back', () => {
    const spec = given(add('Flour'), addIn('flour', 500, 'g'));
    expect(shown(spec.state)).toEqual(['Flour 500 g']);
    expect(said(spec)).toBe('Flour is now 500 g.');
    expect(shown(spec.and(undo()).state)).toEqual(['Flour × 1']);
  });

  it('a re-add past the most a list holds is refused in the product’s own unit', () => {
    given(addIn('Flour', 9000, 'g'))
      .when(addIn('flour', 1500, 'g'))
      .thenRefused('Flour is already 9,000 g; the most is 9,999.');
  });

  it('a bought product added again comes back in the unit asked for', () => {
    const spec = given(addIn('Milk', 2, 'l'), check('Milk'), addIn('milk', 6, 'pack'));
    expect(shown(spec.state)).toEqual(['Milk 6 pack']);
    expect(said(spec)).toBe('Milk 6 pack is back on the list.');
  });

  it('an edit sets or takes away the unit, undoably', () => {
    const set = given(add('Rice', 2), edit('Rice', { unit: 'kg' }));
    expect(shown(set.state)).toEqual(['Rice 2 kg']);
    expect(said(set)).toBe('Rice is now 2 kg.');
    const off = set.and(edit('Rice', { unit: '' }));
    expect(said(off)).toBe('Rice is now × 2, without a unit.');
    expect(shown(off.and(undo()).state)).toEqual(['Rice 2 kg']);
  });

  it('an edit of quantity and unit together is one change, said as one', () => {
    const spec = given(add('Apples', 3), edit('Apples', { quantity: 1.5, unit: 'kg' }));
    expect(said(spec)).toBe('Apples is now 1.5 kg.');
    expect(shown(spec.and(undo()).state)).toEqual(['Apples × 3']);
  });
});

describe('notes', () => {
  it('are kept, changed and taken off, each undoably, and come back with a deleted product', () => {
    const noted = given(add('Milk'), edit('Milk', { note: 'lactose free' }));
    expect(product(noted.state, 'Milk')?.note).toBe('lactose free');
    expect(said(noted)).toBe('Noted for Milk: “lactose free”.');
    const off = noted.and(edit('Milk', { note: '  ' }));
    expect(product(off.state, 'Milk')?.note).toBeNull();
    expect(said(off)).toBe('Took the note off Milk.');
    const back = noted.and(remove('Milk'), undo());
    expect(product(back.state, 'Milk')).toMatchObject({ note: 'lactose free', unit: null });
  });
});

describe('places: products dragged into order within their aisle', () => {
  // All dairy, so one aisle; added a second apart, so newest first until moved.
  const dairy = () => given(add('Milk'), add('Butter'), add('Yoghurt'), add('Cheese'));

  it('stand newest first until moved', () => {
    expect(shown(dairy().state)).toEqual(['Cheese × 1', 'Yoghurt × 1', 'Butter × 1', 'Milk × 1']);
  });

  it('a product dropped between two stands between them, to the top, or to the end', () => {
    const between = dairy().and(move('Milk', { after: 'Cheese', before: 'Yoghurt' }));
    expect(shown(between.state)).toEqual(['Cheese × 1', 'Milk × 1', 'Yoghurt × 1', 'Butter × 1']);
    expect(said(between)).toBe('Moved Milk.');
    const top = between.and(move('Butter', { before: 'Cheese' }));
    expect(shown(top.state)).toEqual(['Butter × 1', 'Cheese × 1', 'Milk × 1', 'Yoghurt × 1']);
    const end = top.and(move('Cheese', { after: 'Yoghurt' }));
    expect(shown(end.state)).toEqual(['Butter × 1', 'Milk × 1', 'Yoghurt × 1', 'Cheese × 1']);
  });

  it('fifty drops in the same gap each land where they were dropped, and undo one at a time', () => {
    let spec = dairy().and(move('Cheese', { before: 'Yoghurt' }));
    const others = ['Milk', 'Butter', 'Yoghurt'];
    for (let i = 0; i < 50; i += 1) {
      const name = others[i % 3]!;
      const second = shown(spec.state)[1]!.replace(' × 1', '');
      const under = second === name ? shown(spec.state)[2]!.replace(' × 1', '') : second;
      const before = spec;
      spec = spec.and(move(name, { after: 'Cheese', before: under }));
      expect(shown(spec.state).slice(0, 2)).toEqual(['Cheese × 1', `${name} × 1`]);
      if (i === 49) expect(shown(spec.and(undo()).state)).toEqual(shown(before.state));
    }
  });

  it('a move undone goes back where it stood, and a new product still comes first', () => {
    const moved = dairy().and(move('Milk', { before: 'Cheese' }));
    expect(shown(moved.and(undo()).state)).toEqual(shown(dairy().state));
    const newer = moved.and(add('Cream'));
    expect(shown(newer.state)[0]).toBe('Cream × 1');
  });

  it('a drop next to what is gone, bought, or itself moves nothing', () => {
    const spec = dairy().and(check('Butter'));
    expect(spec.when(move('Milk', { after: 'Butter' })).state.lastSeq).toBe(spec.state.lastSeq);
    expect(spec.when(move('Milk', { after: 'Milk' })).state.lastSeq).toBe(spec.state.lastSeq);
  });
});

describe('aisles dragged into the order of the walk', () => {
  const shop = () => given(add('Milk'), add('Bread'), add('Apples'), add('Frozen peas'));
  const aisles = (spec: Spec) =>
    shoppingView(spec.state, DEFAULT_STREAM, '').aisles.map((a) => a.category);

  it('an aisle dropped at the top walks first, in one change that undo takes back', () => {
    expect(aisles(shop())).toEqual(['produce', 'bakery', 'dairy', 'frozen']);
    const top = shop().and(placeAisle('frozen', null));
    expect(aisles(top)).toEqual(['frozen', 'produce', 'bakery', 'dairy']);
    expect(said(top)).toBe('Changed the order of the aisles.');
    expect(aisles(top.and(undo()))).toEqual(aisles(shop()));
  });

  it('an aisle dropped after another stands right after it; onto itself, nothing changes', () => {
    const after = shop().and(placeAisle('produce', 'dairy'));
    expect(aisles(after)).toEqual(['bakery', 'dairy', 'produce', 'frozen']);
    const same = shop().when(placeAisle('dairy', 'dairy'));
    expect(same.state.lastSeq).toBe(shop().state.lastSeq);
  });
});
