import type { Category } from '../events/categories';
import type { Sentence } from '../events/sentence';
import { NAME_MAX, NOTE_MAX, PRICE_MAX, QUANTITY_MAX, UNIT_MAX } from '../events/validation';
import type { Helpers, Words } from './types';

type Named = { name: string };
/** About a product or list that may be gone: its name, or words standing in for it. */
type Whom = { name: Words };
type Detail = { detail: string };
type Unit = string | null | undefined;
/** " × 2", or " 500 g" when the quantity counts a unit; nothing for one of a thing. */
const times = (q: number, h: Helpers, unit?: Unit) =>
  unit ? ` ${h.n(q)} ${unit}` : q === 1 ? '' : ` × ${h.n(q)}`;
const plural = (count: number, one: string, many: string, h: Helpers) =>
  `${h.n(count)} ${count === 1 ? one : many}`;

const categories: Record<Category, string> = {
  produce: 'Fruit & vegetables',
  bakery: 'Bakery',
  meat: 'Meat',
  fish: 'Fish & seafood',
  dairy: 'Dairy & eggs',
  pantry: 'Pantry',
  snacks: 'Snacks & sweets',
  drinks: 'Drinks',
  frozen: 'Frozen',
  household: 'Household',
  personal: 'Personal care',
  baby: 'Baby',
  other: 'Other',
};

/**
 * Every word Basket says, in English: the language of the accessible contract (DESIGN §5). Other
 * languages give the same keys the same parameters (the compiler checks), so adding one is a
 * file beside this.
 */
export const en = {
  langName: 'English',
  categories,

  // The page
  appName: 'Basket',
  history: 'History',
  loadingHistory: 'Loading the history…',
  language: 'Language',
  crashed: 'Something went wrong',
  crashedHelp: 'Your list is safe in this browser. Reloading usually fixes this.',
  reload: 'Reload',
  later: 'Later',
  ok: 'OK',
  dismiss: 'Dismiss',
  cancel: 'Cancel',
  save: 'Save',
  delete: 'Delete',
  updateRegion: 'Update',
  newVersion: 'New version of Basket.',
  updatedElsewhere: 'Basket was updated in another tab.',
  offlineReady: 'Basket now works offline.',
  storageRegion: 'Storage',
  memoryTitle: 'Not saved on this device.',
  memoryText:
    'This browser would not let Basket store data (a private window?), so your list lasts only until this tab closes.',
  blockedTitle: 'Close other Basket tabs',
  blockedText: 'so this one can finish updating.',
  outdatedTitle: 'Basket was updated — reload.',
  outdatedText:
    'A newer Basket is open in another tab; this one stopped saving so it cannot damage your list.',
  bootBlocked: 'Close other Basket tabs so Basket can finish updating.',
  bootRebuilding: (p: { percent: number }) =>
    `Rebuilding your list from its history… ${p.percent}%`,
  bootFailed: (p: Detail) => `Basket could not open your list: ${p.detail}. Try reloading.`,

  // Lists
  list: 'List',
  newList: 'New list',
  renameList: 'Rename list',
  rename: 'Rename',
  deleteList: 'Delete list',
  listName: 'List name',
  create: 'Create',
  deleteListFirst: 'Make another list before deleting this one',
  deleteListQuestion: 'Delete this list?',
  deleteListWarning: (p: Named) =>
    `Delete “${p.name}” and the products on it? Its history stays in your backups.`,
  deleteNamed: (p: Named) => `Delete ${p.name}`,
  keepIt: 'Keep it',
  defaultListName: 'Shopping list',

  // Adding and the list
  addProduct: 'Add a product',
  product: 'Product',
  quantity: 'Quantity',
  add: 'Add',
  suggestions: 'Suggestions',
  rhythm: (p: { days: number }, h: Helpers) => `usually every ${h.n(p.days)} days`,
  buyAgain: 'Buy again',
  buyNamedAgain: (p: Named) => `Buy ${p.name} again`,
  search: 'Search',
  searchPlaceholder: 'Search the list',
  clearSearch: 'Clear search',
  shoppingList: 'Shopping list',
  clearBought: 'Clear bought',
  shareList: 'Share list',
  copied: 'Copied the list to the clipboard.',
  shareFailed: (p: Detail) => `The list could not be shared or copied: ${p.detail}`,
  emptyList: 'Your list is empty. Type what you need in the add field, or tap a quick pick.',
  noMatch: (p: { text: string }) => `Nothing matches “${p.text}”.`,
  nothingYet: 'Nothing to buy yet.',
  allBought: (p: { total: number }, h: Helpers) => `All ${h.n(p.total)} bought.`,
  left: (p: { remaining: number; total: number }, h: Helpers) =>
    `${h.n(p.remaining)} of ${h.n(p.total)} left to buy`,
  totals: (p: { toBuy: number; all: number }, h: Helpers) =>
    `${h.money(p.toBuy)} to buy, ${h.money(p.all)} in all`,
  each: (p: { price: number }, h: Helpers) => `${h.money(p.price)} each`,
  editNamed: (p: Named) => `Edit ${p.name}`,
  name: 'Name',
  price: 'Price',
  pricePlaceholder: 'each',
  category: 'Category',
  bought: 'Bought',
  aisleMoveUp: (p: { category: Category }, h: Helpers) => `Move ${h.category(p.category)} up`,
  aisleMoveDown: (p: { category: Category }, h: Helpers) => `Move ${h.category(p.category)} down`,

  // Undo
  undo: 'Undo',
  redo: 'Redo',
  undoThis: (p: { label: Sentence }, h: Helpers) => `Undo: ${h.say(p.label)}`,
  doneBy: (p: { by: string; what: Sentence }, h: Helpers) => `${p.by}: ${h.say(p.what)}`,
  redoThis: (p: { label: Sentence }, h: Helpers) => `Redo: ${h.say(p.label)}`,
  nothingToUndo: 'There is nothing to undo.',
  nothingToRedo: 'There is nothing to redo.',

  // What happened: the status line, undo labels and the history
  added: (p: Named & { quantity: number; unit?: Unit }, h: Helpers) =>
    `Added ${p.name}${times(p.quantity, h, p.unit)}.`,
  renamed: (p: { from: Words; to: string; quantity: number | null }, h: Helpers) =>
    `Renamed ${h.text(p.from)} to ${p.to}${p.quantity === null ? '' : times(p.quantity, h)}.`,
  quantityNow: (p: Whom & { quantity: number; unit?: Unit }, h: Helpers) =>
    `${h.text(p.name)} is now ${p.unit ? `${h.n(p.quantity)} ${p.unit}` : `× ${h.n(p.quantity)}`}.`,
  priceOff: (p: Whom, h: Helpers) => `Took the price off ${h.text(p.name)}.`,
  priced: (p: Whom & { price: number }, h: Helpers) =>
    `${h.text(p.name)} costs ${h.money(p.price)} each.`,
  checkedOff: (p: Whom, h: Helpers) => `Checked off ${h.text(p.name)}.`,
  backOnList: (p: Whom & { quantity: number | null; unit?: Unit }, h: Helpers) =>
    `${h.text(p.name)}${p.quantity === null ? '' : times(p.quantity, h, p.unit)} is back on the list.`,
  deleted: (p: Whom, h: Helpers) => `Deleted ${h.text(p.name)}.`,
  restoredOne: (p: Named) => `Restored ${p.name}.`,
  restoredMany: (p: { count: number }, h: Helpers) => `Restored ${h.n(p.count)} products.`,
  cleared: (p: { count: number }, h: Helpers) =>
    `Cleared ${plural(p.count, 'bought product', 'bought products', h)}.`,
  listRestored: 'Restored an earlier version of the list.',
  listCreated: (p: Named) => `Made a new list, ${p.name}.`,
  listRenamed: (p: { from: Words; to: string }, h: Helpers) =>
    `Renamed the list ${h.text(p.from)} to ${p.to}.`,
  listDeleted: (p: Whom, h: Helpers) => `Deleted the list ${h.text(p.name)}.`,
  categoryChosen: (p: Named & { category: Category }, h: Helpers) =>
    `${p.name} goes in ${h.category(p.category)} now.`,
  categoryForgotten: (p: Named) => `${p.name} goes where Basket guesses again.`,
  aislesOrdered: 'Changed the order of the aisles.',
  undid: (p: { label: Sentence }, h: Helpers) => `Undid: ${h.say(p.label)}`,
  undidSomething: 'Undid a change.',
  redid: (p: { label: Sentence }, h: Helpers) => `Redid: ${h.say(p.label)}`,
  redidSomething: 'Redid a change.',
  aProduct: 'a product',

  // Refusals
  productGone: 'That product is no longer on the list.',
  listGone: 'That list is no longer there.',
  notKept: (p: Named) =>
    `${p.name} was deleted on another device, so your change to it could not be kept.`,
  notAddedListGone: (p: Named) =>
    `${p.name} was not added: that list was deleted, perhaps in another tab or on another device.`,
  undoMoved:
    'The list changed before Undo took effect, so nothing was undone. Look, then undo again.',
  redoMoved:
    'The list changed before Redo took effect, so nothing was redone. Look, then redo again.',
  undoChangedSince: (p: { label: Sentence }, h: Helpers) =>
    `This was changed again since, so it was not undone: ${h.say(p.label)}`,
  undoChangedSinceBy: (p: { label: Sentence; by: string }, h: Helpers) =>
    `${p.by} changed this since, so it was not undone: ${h.say(p.label)}`,
  cannotRecord: (p: Detail) =>
    `Basket could not record this change, so nothing was saved (${p.detail}). Please report this.`,
  historyFull: (p: { max: number }, h: Helpers) =>
    `Basket’s history is full (${h.n(p.max)} changes, or as much as one backup can hold), so this change was not saved. Export a backup.`,
  clockAdjusted: (p: { at: number }) =>
    `This device’s clock looks wrong, so the change was recorded as made at ${new Date(p.at).toLocaleString('en')}. Check the date and time settings.`,
  keepOneList: 'Keep at least one list: make another before deleting this one.',
  alreadyOnList: (p: Named) => `${p.name} is already on the list.`,
  quantityWouldExceed: (p: Named & { quantity: number; unit?: Unit }, h: Helpers) =>
    `${p.name} is already ${p.unit ? `${h.n(p.quantity)} ${p.unit}` : `× ${h.n(p.quantity)}`}; the most is ${h.n(QUANTITY_MAX)}.`,
  nameBlank: 'Enter a product name.',
  nameTooLong: (_p: object, h: Helpers) => `Keep the name to ${h.n(NAME_MAX)} characters or fewer.`,
  listNameBlank: 'Enter a name for the list.',
  listNameTooLong: (_p: object, h: Helpers) =>
    `Keep the list's name to ${h.n(NAME_MAX)} characters or fewer.`,
  quantityNotNumber: 'Enter the quantity as a number.',
  quantityNotPositive: 'Quantity must be more than 0.',
  quantityTooLarge: (_p: object, h: Helpers) => `Quantity must be ${h.n(QUANTITY_MAX)} or less.`,
  quantityTooPrecise: 'Use at most 2 decimal places.',
  priceNotNumber: 'Enter the price as a number, or leave it empty.',
  priceNegative: 'A price cannot be below 0.',
  priceTooLarge: (_p: object, h: Helpers) => `A price must be ${h.n(PRICE_MAX)} or less.`,
  priceTooPrecise: 'Use at most 2 decimal places for a price.',

  // Saving
  storageFull: "Your device's storage is full, so this change was not saved.",
  outdated: 'Basket was updated — reload this page to keep saving.',
  notSaved: (p: Detail) => `This change could not be saved: ${p.detail}`,
  keptChanging:
    'This list kept changing in another tab, so your change was not saved. Please try again.',
  somethingWrong: (p: Detail) => `Something went wrong and your change was not saved: ${p.detail}`,
  setAside: (p: { count: number }, h: Helpers) =>
    `${plural(p.count, 'saved change', 'saved changes', h)} could not be read by this Basket. ${p.count === 1 ? 'It is' : 'They are'} kept, left out of the list, and included when you export a backup.`,
  databaseCleared:
    'Basket’s saved data was cleared (by the browser or its settings) while this page was open, so nothing more can be saved here. Reload to start again.',
  clearedTitle: 'Saved data cleared.',
  newerDatabase:
    'This data was saved by a newer Basket. Reload to get the new version; until then nothing is saved here.',
  exportRaw: 'Export raw data',
  historyLarge: (p: { count: number; percent: number; max: number }, h: Helpers) =>
    `Your history holds ${plural(p.count, 'change', 'changes', h)}, ${h.n(p.percent)}% of the most one backup can hold (${h.n(p.max)}). Export a backup now and then.`,
  unreadable: (p: Detail) =>
    `A saved change could not be read (${p.detail}). Export a backup and reload.`,

  // Backup
  backup: 'Backup',
  persisted: 'Your list is stored persistently: this browser will not clear it to free up space.',
  mayBeCleared:
    'This browser may clear Basket’s storage when space runs low. Export a backup now and then to keep your list safe.',
  exportBackup: 'Export backup',
  importBackup: 'Import backup',
  rebuild: 'Rebuild from history',
  checkingBackup: 'Checking the backup',
  importing: 'Importing',
  rebuilding: 'Rebuilding',
  progress: (p: { done: number; total: number }, h: Helpers) => `${h.n(p.done)} of ${h.n(p.total)}`,
  imported: (p: { count: number }, h: Helpers) =>
    `Imported ${plural(p.count, 'change', 'changes', h)} from the backup.`,
  nothingNew: 'Nothing new: everything in this backup is already here.',
  rebuilt: 'Rebuilt your list from its history.',
  fileTooLarge: (p: { mb: number }, h: Helpers) =>
    `This file is larger than ${h.n(p.mb)} MB, the most Basket imports.`,
  fileEmpty: 'This file is empty.',
  forbiddenKey: (p: { key: string }) =>
    `This file contains the forbidden key “${p.key}”, so it was not imported.`,
  notJson: 'This file is not a Basket backup: it is not valid JSON.',
  notBackup: 'This file is not a Basket backup.',
  damaged: (p: { where: string; detail: string }) =>
    `This backup is damaged: ${p.where} is not what Basket wrote (${p.detail}).`,
  tooManyChanges: (p: { max: number }, h: Helpers) =>
    `This backup has more than ${h.n(p.max)} changes, the most Basket imports.`,
  changeInvalid: (p: { index: number; detail: string }, h: Helpers) =>
    `Change ${h.n(p.index)} in this backup is not valid: ${p.detail}.`,
  changeTwice: (p: { index: number; id: string }, h: Helpers) =>
    `Change ${h.n(p.index)} in this backup appears twice (${p.id}).`,
  newerFormat: (p: { version: number }) =>
    `This backup was made by a newer Basket (format version ${p.version}). Update Basket to import it.`,
  newerChanges: (p: Detail) =>
    `This backup has changes made by a newer Basket (${p.detail}). Update Basket to import it.`,
  productInTwoLists: (p: { id: string }) =>
    `This backup names product ${p.id} in two lists, which Basket never does, so nothing was imported.`,
  mergeTooLarge: (p: { max: number }, h: Helpers) =>
    `Together with what is here, this backup would hold more than ${h.n(p.max)} changes (or more than one backup file can hold), so nothing was imported.`,
  importedSomeAside: (p: { count: number; aside: number }, h: Helpers) =>
    `Imported ${plural(p.count, 'change', 'changes', h)} from the backup. ${plural(p.aside, 'change', 'changes', h)} in it could not be read by this Basket: kept aside, told in the Backup panel, and exported again.`,
  changeDiffers: (p: { id: string }) =>
    `This backup has a change (${p.id}) that differs from the one saved here, so nothing was imported.`,

  // History
  backToList: 'Back to the list',
  nothingHappened: 'Nothing has happened yet.',
  everything: 'Everything that happened, newest first',
  lookBackTo: (p: { time: string; what: Sentence }, h: Helpers) =>
    `Look back to ${p.time}, after: ${h.say(p.what)}`,
  asItWasOn: (p: { day: string; time: string }) => `The list as it was on ${p.day} at ${p.time}`,
  lookingBack: (p: { what: Sentence }, h: Helpers) =>
    `Looking back: this is how your list was just after “${h.say(p.what).replace(/\.$/, '')}”. It cannot be changed here.`,
  emptyThen: 'The list was empty then.',
  asItWas: 'The list as it was',
  boughtMark: ' (bought)',
  restoreThis: 'Restore this list',
  backToNow: 'Back to now',
  alreadyLikeThis: 'The list is already just like this.',
  // Household sync
  sync: 'Sync',
  deviceName: 'Device name',
  deviceNameBlank: 'Give this device a name, so the household’s history can say who did what.',
  deviceNameTooLong: (p: { max: number }, h: Helpers) =>
    `A device name can be at most ${h.n(p.max)} characters.`,
  syncTold: 'Changes left out',
  inviteLink: 'Invite link',
  join: 'Join',
  joinAsk: (p: Named) =>
    `Join the household “${p.name}”? Its lists and this device’s will be shared.`,
  notNow: 'Not now',
  household: (p: Named) => `Household: ${p.name}`,
  copyInvite: 'Copy invite link',
  inviteCopied: 'Invite link copied. Send it privately: whoever has it can change your lists.',
  leaveHousehold: 'Leave household',
  leftHousehold: 'This device left the household and keeps its lists.',
  synced: 'Synced',
  syncingNow: 'Syncing…',
  syncOffline: (p: { count: number }, h: Helpers) =>
    p.count === 0 ? 'Offline' : `Offline — ${plural(p.count, 'change', 'changes', h)} waiting`,
  inviteNone: 'This is not an invite link: it should contain “#join=”.',
  inviteDamaged: 'This invite link is damaged. Ask for it again.',
  inviteNewer: 'This invite link was made by a newer Basket. Update Basket to join.',
  joinFailed: 'Could not join the household here. Nothing was changed.',
  syncKeptHere: (p: Detail) =>
    `A change was too large to share with the household, so it stays on this device only (${p.detail}).`,
  syncRefused: (p: Detail) =>
    `A change from another device could not be read (${p.detail}), so it was left out.`,
  // Units, notes and places (the product's details)
  unitTooLong: `A unit can be at most ${UNIT_MAX} characters (“kg”, “pack”).`,
  noteTooLong: `A note can be at most ${NOTE_MAX} characters.`,
  unitOff: (p: Whom & { quantity: number }, h: Helpers) =>
    `${h.text(p.name)} is now × ${h.n(p.quantity)}, without a unit.`,
  noted: (p: Whom & { note: string }, h: Helpers) => `Noted for ${h.text(p.name)}: “${p.note}”.`,
  noteOff: (p: Whom, h: Helpers) => `Took the note off ${h.text(p.name)}.`,
  placed: (p: Whom, h: Helpers) => `Moved ${h.text(p.name)}.`,
  // The add bar
  productPlaceholder: 'Milk, 2 eggs, 500 g flour…',
  entryReads: (p: Named & { quantity: number; unit: Unit }, h: Helpers) =>
    `Adds ${p.name}${times(p.quantity, h, p.unit) || ' × 1'}`,
  decreaseQuantity: 'Decrease quantity',
  increaseQuantity: 'Increase quantity',
  // Reordering aisles and products
  reorder: 'Reorder',
  loadingReorder: 'Opening…',
  reorderTitle: 'Put the list in your order',
  reorderHint: 'Drag aisles and products by their handles into the order you walk the shop.',
  reorderNothing: 'There is nothing to put in order yet: add a product first.',
  done: 'Done',
  aisles: 'Aisles',
  dragThis: (p: Named) => `Drag ${p.name}`,
  dragInstructions:
    'To pick it up, press Space or Enter. Move it with the arrow keys; press Space or Enter again to drop it, or Escape to put it back.',
  dragPicked: (p: Named) => `Picked up ${p.name}.`,
  dragOver: (p: Named & { over: string }) => `${p.name} is over ${p.over}.`,
  dragDropped: (p: Named) => `Dropped ${p.name}.`,
  dragCancelled: (p: Named) => `Put ${p.name} back where it was.`,

  // The frame and its menu (issue 14, "shell")
  menu: 'Menu',
  closeMenu: 'Close menu',
  closeSync: 'Close Sync',
  lists: 'Lists',
  settings: 'Settings',
  currency: 'Currency',
  repair: 'Repair',
  repairHint:
    'If the list ever looks wrong (say, after the browser crashed), Basket can put it together again from its history of changes. Nothing is lost.',
  backupFileHint:
    'A backup file holds every change ever made to your lists. Keep it somewhere safe; importing it here merges it with what is here, and nothing is lost or doubled.',
  backupSaved: (p: { name: string }) => `Backup saved: ${p.name}`,

  // Rows, the edit sheet and the undo snackbar (issue 14, "rows")
  unitField: 'Unit',
  unitPlaceholder: 'kg, pack…',
  noteField: 'Note',
  notePlaceholder: 'lactose free, the big pack…',
  // Finding, adding from a search, Buy again and the first visit (issue 14, "find")
  addNamed: (p: Named) => `Add “${p.name}”`,
  quickPicks: 'Quick picks',
  quickPick: (p: Named) => `Add ${p.name}`,
  /** Common products, most often bought first: one tap each on a first visit. */
  quickPickNames: 'Milk|Bread|Eggs|Bananas|Coffee|Apples|Butter|Tomatoes',
  amount: (p: { quantity: number; unit: string | null }, h: Helpers) =>
    p.unit ? `${h.n(p.quantity)} ${p.unit}` : `× ${h.n(p.quantity)}`,
};
