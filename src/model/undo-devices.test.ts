import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { inEnglish } from '../i18n/english';
import { add, check, edit } from '../test/commands';
import { DEVICE_A, DEVICE_B, given, rowsOf } from '../test/given';
import { tellHistory } from './history';
import { ownTop } from './stacks';
import type { ListState } from './read-model';

/** What Undo offers `device` on the list. */
const undoFor = (list: ListState, device: string) =>
  ownTop(list.stacks.get(DEFAULT_STREAM)?.undo ?? [], device);

describe('undo once several devices write (README, "Undo")', () => {
  const household = () => given(add('Milk')).apart([add('Bread')], [add('Eggs')], 'a first');

  it("offers each device its own last action, not another device's", () => {
    const { state } = household();
    expect(inEnglish(undoFor(state, DEVICE_A.id)!.label)).toBe('Added Bread.');
    expect(inEnglish(undoFor(state, DEVICE_B.id)!.label)).toBe('Added Eggs.');
  });

  it("undoes this device's action under another device's, and leaves the other's alone", () => {
    const spec = household();
    const mine = undoFor(spec.state, DEVICE_A.id)!;
    spec
      .when({ type: 'Undo', streamId: DEFAULT_STREAM, actionId: mine.id })
      .then((list) => expect(rowsOf(list)).toEqual(['Milk × 1', 'Eggs × 1']));
  });

  it('refuses, in words, to undo what another device has changed since', () => {
    const spec = given(add('Milk')).apart(
      [edit('Milk', { quantity: 3 })],
      [check('Milk')],
      'a first',
    );
    const mine = undoFor(spec.state, DEVICE_A.id)!;
    expect(inEnglish(mine.label)).toContain('Milk');
    spec
      .when({ type: 'Undo', streamId: DEFAULT_STREAM, actionId: mine.id })
      .thenRefused(
        `Ben's phone changed this since, so it was not undone: ${inEnglish(mine.label)}`,
      );
  });

  it('an action made before devices were told apart is every device’s to undo', () => {
    const { state } = given(add('Milk'));
    expect(inEnglish(undoFor(state, DEVICE_A.id)!.label)).toBe('Added Milk.');
  });

  it('the history names the device that did each thing', () => {
    const { log } = household();
    expect(tellHistory(log).map((e) => [e.by ?? null, inEnglish(e.what)])).toEqual([
      [null, 'Added Milk.'],
      ["Anna's phone", 'Added Bread.'],
      ["Ben's phone", 'Added Eggs.'],
    ]);
  });
});
