import { NAME_MAX, NOTE_MAX, PRICE_MAX, QUANTITY_MAX, UNIT_MAX } from '../events/validation';
import type { Messages } from './sentence';
import type { Helpers } from './types';

import type { Sentence } from '../events/sentence';

/** A Chinese unit follows its number closely ("2盒"); a Latin one after a space ("500 g"). */
const measure = (q: number, unit: string, h: Helpers) =>
  /^\p{Script=Han}/u.test(unit) ? `${h.n(q)}${unit}` : `${h.n(q)} ${unit}`;
/**
 * How many, as Chinese says it: with a measure word, not “× 4”. Without a unit of its own a
 * product is counted with the general 个, after the name as a shopping list writes it.
 */
const count = (q: number, h: Helpers, unit?: string | null) =>
  unit ? measure(q, unit, h) : `${h.n(q)} 个`;
const times = (q: number, h: Helpers, unit?: string | null) =>
  unit || q !== 1 ? ` ${count(q, h, unit)}` : '';
/**
 * What was done, as a phrase to follow “撤销：” or “已撤销：”: the sentence without its “已” and
 * its full stop (“已删除大米。” → “删除大米”), so it never reads “撤销了：删除了大米”.
 */
const deed = (label: Sentence, h: Helpers) => h.say(label).replace(/^已/, '').replace(/。$/, '');

/** 简体中文: every key of `en.ts`, with the same parameters. Loaded only when chosen. */
export const zhCN: Messages = {
  langName: '简体中文',
  categories: {
    produce: '蔬菜水果',
    bakery: '面包糕点',
    meat: '肉类',
    fish: '水产海鲜',
    dairy: '乳品蛋类',
    pantry: '粮油调味',
    snacks: '零食糖果',
    drinks: '饮料酒水',
    frozen: '冷冻食品',
    household: '日用百货',
    personal: '个人护理',
    baby: '母婴用品',
    other: '其他',
  },

  appName: 'Basket',
  history: '历史',
  loadingHistory: '正在载入历史…',
  // Named in English too, so someone who cannot read Chinese finds the way back.
  language: '语言 Language',
  crashed: '出错了',
  crashedHelp: '你的清单安全地保存在这个浏览器里。通常重新载入就能解决。',
  reload: '重新载入',
  later: '稍后',
  ok: '好的',
  dismiss: '关闭',
  cancel: '取消',
  save: '保存',
  delete: '删除',
  updateRegion: '更新',
  newVersion: 'Basket 有新版本。',
  updatedElsewhere: 'Basket 已在另一个标签页中更新。',
  offlineReady: 'Basket 现在可以离线使用了。',
  storageRegion: '存储',
  memoryTitle: '没有保存在这台设备上。',
  memoryText: '这个浏览器不允许 Basket 保存数据（也许是无痕窗口？），关闭此标签页后清单就会消失。',
  blockedTitle: '请关闭其他 Basket 标签页',
  blockedText: '以便这个标签页完成更新。',
  outdatedTitle: 'Basket 已更新，请重新载入。',
  outdatedText: '另一个标签页打开了更新版本的 Basket；为了不损坏你的清单，这个标签页已停止保存。',
  bootBlocked: '请关闭其他 Basket 标签页，以便 Basket 完成更新。',
  bootRebuilding: (p) => `正在根据历史重建你的清单… ${p.percent}%`,
  bootFailed: (p) => `Basket 无法打开你的清单：${p.detail}。请尝试重新载入。`,

  list: '清单',
  newList: '新建清单',
  renameList: '重命名清单',
  rename: '重命名',
  deleteList: '删除清单',
  listName: '清单名称',
  create: '创建',
  deleteListFirst: '请先新建另一个清单，再删除这个',
  deleteListQuestion: '删除这个清单？',
  deleteListWarning: (p) => `删除“${p.name}”和上面的商品？它的历史仍保留在你的备份里。`,
  deleteNamed: (p) => `删除${p.name}`,
  keepIt: '保留',
  defaultListName: '购物清单',

  addProduct: '添加商品',
  product: '商品',
  quantity: '数量',
  add: '添加',
  suggestions: '建议',
  rhythm: (p, h) => `通常每 ${h.n(p.days)} 天买一次`,
  buyAgain: '再次购买',
  buyNamedAgain: (p) => `再买${p.name}`,
  search: '搜索',
  searchPlaceholder: '在清单里搜索',
  clearSearch: '清除搜索',
  shoppingList: '购物清单',
  clearBought: '清除已买',
  shareList: '分享清单',
  copied: '已把清单复制到剪贴板。',
  shareFailed: (p) => `无法分享或复制清单：${p.detail}`,
  emptyList: '清单还是空的。在添加栏里输入要买的东西，或者点一下常买的东西。',
  noMatch: (p) => `清单里没有“${p.text}”。`,
  nothingYet: '还没有要买的东西。',
  allBought: (p, h) => `全部买齐了，共 ${h.n(p.total)} 件。`,
  left: (p, h) => `还剩 ${h.n(p.remaining)} 件没买，共 ${h.n(p.total)} 件`,
  totals: (p, h) => `待买 ${h.money(p.toBuy)}，合计 ${h.money(p.all)}`,
  each: (p, h) => `单价 ${h.money(p.price)}`,
  editNamed: (p) => `编辑${p.name}`,
  name: '名称',
  price: '价格',
  pricePlaceholder: '单价',
  category: '类别',
  bought: '已买',
  aisleMoveUp: (p, h) => `把${h.category(p.category)}上移`,
  aisleMoveDown: (p, h) => `把${h.category(p.category)}下移`,

  undo: '撤销',
  redo: '重做',
  undoThis: (p, h) => `撤销：${deed(p.label, h)}`,
  doneBy: (p, h) => `${p.by}：${h.say(p.what)}`,
  redoThis: (p, h) => `重做：${deed(p.label, h)}`,
  nothingToUndo: '没有可撤销的操作。',
  nothingToRedo: '没有可重做的操作。',

  added: (p, h) => `已添加${p.name}${times(p.quantity, h, p.unit)}。`,
  renamed: (p, h) =>
    `已把${h.text(p.from)}改名为${p.to}${p.quantity === null ? '' : times(p.quantity, h)}。`,
  quantityNow: (p, h) => `已把${h.text(p.name)}改为 ${count(p.quantity, h, p.unit)}。`,
  priceOff: (p, h) => `已去掉${h.text(p.name)}的价格。`,
  priced: (p, h) => `已把${h.text(p.name)}的单价设为 ${h.money(p.price)}。`,
  checkedOff: (p, h) => `已买好${h.text(p.name)}。`,
  backOnList: (p, h) =>
    `已把${h.text(p.name)}${p.quantity === null ? '' : times(p.quantity, h, p.unit)}放回清单。`,
  deleted: (p, h) => `已删除${h.text(p.name)}。`,
  restoredOne: (p) => `已恢复${p.name}。`,
  restoredMany: (p, h) => `已恢复 ${h.n(p.count)} 件商品。`,
  cleared: (p, h) => `已清除 ${h.n(p.count)} 件已买的商品。`,
  listRestored: '已把清单恢复成之前的样子。',
  listCreated: (p) => `已新建清单“${p.name}”。`,
  listRenamed: (p, h) => `已把清单“${h.text(p.from)}”改名为“${p.to}”。`,
  listDeleted: (p, h) => `已删除清单“${h.text(p.name)}”。`,
  categoryChosen: (p, h) => `已把${p.name}归入${h.category(p.category)}。`,
  categoryForgotten: (p) => `已让 Basket 重新给${p.name}自动归类。`,
  aislesOrdered: '已调整货架顺序。',
  undid: (p, h) => `已撤销：${deed(p.label, h)}`,
  undidSomething: '已撤销一项更改。',
  redid: (p, h) => `已重做：${deed(p.label, h)}`,
  redidSomething: '已重做一项更改。',
  aProduct: '某件商品',

  productGone: '这件商品已经不在清单上了。',
  listGone: '这个清单已经不在了。',
  notKept: (p) => `${p.name}已在另一台设备上被删除，所以你对它的更改无法保留。`,
  notAddedListGone: (p) =>
    `没有添加${p.name}：这个清单已被删除（可能是在另一个标签页或另一台设备上）。`,
  undoChangedSince: (p, h) => `之后又被改过，所以没有撤销：${h.say(p.label)}`,
  undoChangedSinceBy: (p, h) => `${p.by}之后又改过，所以没有撤销：${h.say(p.label)}`,
  undoMoved: '撤销生效前清单已有变化，所以什么都没有撤销。请先看一下，再撤销。',
  redoMoved: '重做生效前清单已有变化，所以什么都没有重做。请先看一下，再重做。',
  cannotRecord: (p) =>
    `Basket 无法记录这个更改，所以什么都没有保存（${p.detail}）。请报告这个问题。`,
  historyFull: (p, h) =>
    `Basket 的历史已满（${h.n(p.max)} 条更改，或一个备份能容纳的上限），所以这个更改没有保存。请导出备份。`,
  clockAdjusted: (p) =>
    `这台设备的时钟似乎不对，所以这个更改被记录为 ${new Date(p.at).toLocaleString('zh-CN')} 所做。请检查日期和时间设置。`,
  keepOneList: '至少要保留一个清单：请先新建一个，再删除这个。',
  alreadyOnList: (p) => `${p.name}已经在清单上了。`,
  quantityWouldExceed: (p, h) =>
    `${p.name}已经有 ${count(p.quantity, h, p.unit)}了，最多只能 ${h.n(QUANTITY_MAX)}${p.unit ? ` ${p.unit}` : ' 个'}。`,
  nameBlank: '请输入商品名称。',
  nameTooLong: (_p, h) => `名称最多 ${h.n(NAME_MAX)} 个字符。`,
  listNameBlank: '请输入清单名称。',
  listNameTooLong: (_p, h) => `清单名称最多 ${h.n(NAME_MAX)} 个字符。`,
  quantityNotNumber: '数量请输入数字。',
  quantityNotPositive: '数量必须大于 0。',
  quantityTooLarge: (_p, h) => `数量不能超过 ${h.n(QUANTITY_MAX)}。`,
  quantityTooPrecise: '最多保留两位小数。',
  priceNotNumber: '价格请输入数字，或者留空。',
  priceNegative: '价格不能小于 0。',
  priceTooLarge: (_p, h) => `价格不能超过 ${h.n(PRICE_MAX)}。`,
  priceTooPrecise: '价格最多保留两位小数。',

  storageFull: '设备存储空间已满，这次更改没有保存。',
  outdated: 'Basket 已更新：请重新载入页面以继续保存。',
  notSaved: (p) => `这次更改无法保存：${p.detail}`,
  keptChanging: '这个清单在另一个标签页里不断变化，你的更改没有保存。请再试一次。',
  somethingWrong: (p) => `出错了，你的更改没有保存：${p.detail}`,
  setAside: (p, h) =>
    `有 ${h.n(p.count)} 条已保存的更改无法被这个版本的 Basket 读取。它们被保留下来，不显示在清单中，导出备份时会包含它们。`,
  databaseCleared:
    '这个页面打开时，Basket 保存的数据被清除了（由浏览器或其设置），所以这里不能再保存任何内容。请重新载入以重新开始。',
  clearedTitle: '保存的数据已被清除。',
  newerDatabase:
    '这些数据是由更新版本的 Basket 保存的。请重新载入以获取新版本；在此之前这里不会保存任何内容。',
  exportRaw: '导出原始数据',
  historyLarge: (p, h) =>
    `你的历史有 ${h.n(p.count)} 条更改，已达到一个备份上限（${h.n(p.max)}）的 ${h.n(p.percent)}%。请时常导出备份。`,
  unreadable: (p) => `有一条已保存的更改无法读取（${p.detail}）。请导出备份并重新载入。`,

  backup: '备份',
  persisted: '你的清单已持久保存：浏览器不会为了腾出空间而清除它。',
  mayBeCleared: '空间不足时，这个浏览器可能会清除 Basket 的数据。请不时导出备份，确保清单安全。',
  exportBackup: '导出备份',
  importBackup: '导入备份',
  rebuild: '根据历史重建',
  checkingBackup: '正在检查备份',
  importing: '正在导入',
  rebuilding: '正在重建',
  progress: (p, h) => `${h.n(p.done)} / ${h.n(p.total)}`,
  imported: (p, h) => `从备份导入了 ${h.n(p.count)} 条更改。`,
  nothingNew: '没有新内容：这个备份里的一切都已经在这里了。',
  rebuilt: '已根据历史重建你的清单。',
  fileTooLarge: (p, h) => `文件超过 ${h.n(p.mb)} MB，超出了 Basket 能导入的上限。`,
  fileEmpty: '这个文件是空的。',
  forbiddenKey: (p) => `这个文件包含禁止使用的键“${p.key}”，所以没有导入。`,
  notJson: '这不是 Basket 的备份文件：它不是有效的 JSON。',
  notBackup: '这不是 Basket 的备份文件。',
  damaged: (p) => `这个备份已损坏：${p.where} 不是 Basket 写入的内容（${p.detail}）。`,
  tooManyChanges: (p, h) => `这个备份的更改超过 ${h.n(p.max)} 条，超出了 Basket 能导入的上限。`,
  changeInvalid: (p, h) => `备份中的第 ${h.n(p.index)} 条更改无效：${p.detail}。`,
  changeTwice: (p, h) => `备份中的第 ${h.n(p.index)} 条更改重复出现（${p.id}）。`,
  newerFormat: (p) =>
    `这个备份由更新版本的 Basket 制作（格式版本 ${p.version}）。请先更新 Basket 再导入。`,
  newerChanges: (p) =>
    `这个备份包含更新版本 Basket 做出的更改（${p.detail}）。请先更新 Basket 再导入。`,
  productInTwoLists: (p) =>
    `这个备份在两个清单中使用了同一个商品 ${p.id}，Basket 从不这样做，所以什么都没有导入。`,
  mergeTooLarge: (p, h) =>
    `加上这里已有的内容，这个备份会超过 ${h.n(p.max)} 条更改（或超过一个备份文件的上限），所以什么都没有导入。`,
  importedSomeAside: (p, h) =>
    `已从备份导入 ${h.n(p.count)} 条更改。其中 ${h.n(p.aside)} 条无法被这个版本的 Basket 读取：已另行保留，在“备份”面板中说明，并会再次导出。`,
  changeDiffers: (p) => `这个备份中有一条更改（${p.id}）与这里保存的不同，所以什么都没有导入。`,

  backToList: '返回清单',
  nothingHappened: '还什么都没有发生。',
  everything: '发生过的一切，最新的在前',
  lookBackTo: (p, h) => `回看 ${p.time}，在此之后：${deed(p.what, h)}`,
  asItWasOn: (p) => `${p.day} ${p.time} 时的清单`,
  lookingBack: (p, h) => `正在回看：这是“${deed(p.what, h)}”之后清单的样子。这里不能修改。`,
  emptyThen: '那时清单是空的。',
  asItWas: '当时的清单',
  boughtMark: '（已买）',
  restoreThis: '恢复成这个清单',
  backToNow: '回到现在',
  alreadyLikeThis: '清单已经是这个样子了。',
  // Household sync
  sync: '同步',
  deviceName: '设备名称',
  deviceNameBlank: '请给这台设备起个名字，这样家庭的历史记录才能显示是谁做的。',
  deviceNameTooLong: (p, h) => `设备名称最多 ${h.n(p.max)} 个字。`,
  syncTold: '未采用的更改',
  inviteLink: '邀请链接',
  join: '加入',
  joinAsk: (p) => `加入家庭“${p.name}”吗？它的清单和这台设备的清单将会共享。`,
  notNow: '暂不',
  household: (p) => `家庭：${p.name}`,
  copyInvite: '复制邀请链接',
  inviteCopied: '邀请链接已复制。请私下发送：拿到它的人都能修改你的清单。',
  leaveHousehold: '退出家庭',
  leftHousehold: '这台设备已退出家庭，清单仍保留在这里。',
  synced: '已同步',
  syncingNow: '正在同步…',
  syncOffline: (p, h) => (p.count === 0 ? '离线' : `离线 — ${h.n(p.count)} 项更改等待发送`),
  inviteNone: '这不是邀请链接：它应当包含“#join=”。',
  inviteDamaged: '这个邀请链接已损坏。请重新索取。',
  inviteNewer: '这个邀请链接由更新版本的 Basket 生成。请更新 Basket 后再加入。',
  joinFailed: '无法在这里加入家庭。什么都没有改变。',
  syncKeptHere: (p) => `有一项更改太大，无法与家庭共享，只保留在这台设备上（${p.detail}）。`,
  syncRefused: (p) => `另一台设备的一项更改无法读取（${p.detail}），因此未被采用。`,
  // Units, notes and places (the product's details)
  unitTooLong: `单位最多 ${UNIT_MAX} 个字（如“斤”“盒”“kg”）。`,
  noteTooLong: `备注最多 ${NOTE_MAX} 个字。`,
  unitOff: (p, h) => `已去掉${h.text(p.name)}的单位，现在是 ${count(p.quantity, h)}。`,
  noted: (p, h) => `已给${h.text(p.name)}加上备注：“${p.note}”。`,
  noteOff: (p, h) => `已删掉${h.text(p.name)}的备注。`,
  placed: (p, h) => `已挪动${h.text(p.name)}的位置。`,
  // The add bar
  productPlaceholder: '牛奶、鸡蛋 12个、面粉 500 g…',
  entryReads: (p, h) => `将添加${p.name}${times(p.quantity, h, p.unit) || ''}`,
  decreaseQuantity: '减少数量',
  increaseQuantity: '增加数量',
  // Reordering aisles and products
  reorder: '调整顺序',
  loadingReorder: '正在打开…',
  reorderTitle: '按你的逛店顺序排列',
  reorderHint: '按住把手拖动货区和商品，排成你在店里走的顺序。',
  reorderNothing: '还没有可以排序的东西，先添加一件商品吧。',
  done: '完成',
  aisles: '货区',
  dragThis: (p) => `拖动${p.name}`,
  dragInstructions:
    '按空格键或回车键拿起，用方向键移动，再按空格键或回车键放下，按 Esc 键放回原处。',
  dragPicked: (p) => `已拿起${p.name}。`,
  dragOver: (p) => `${p.name}在${p.over}的位置上。`,
  dragDropped: (p) => `已放下${p.name}。`,
  dragCancelled: (p) => `${p.name}已放回原处。`,

  // 外框和菜单（issue 14，"shell"）
  menu: '菜单',
  closeMenu: '关闭菜单',
  closeSync: '关闭同步',
  lists: '清单',
  settings: '设置',
  currency: '货币',
  repair: '修复',
  repairHint:
    '如果清单看起来不对（比如浏览器崩溃之后），Basket 可以根据更改记录把它重新整理出来，不会丢失任何内容。',
  backupFileHint:
    '备份文件里有你的清单的全部更改记录。请妥善保存；在这里导入时会和现有内容合并，不会丢失，也不会重复。',
  backupSaved: (p) => `备份已保存：${p.name}`,

  // 清单行、编辑面板和撤销提示条（issue 14，“rows”）
  unitField: '单位',
  unitPlaceholder: '斤、盒、kg…',
  noteField: '备注',
  notePlaceholder: '无乳糖、要大包装…',
  // Finding, adding from a search, Buy again and the first visit (issue 14, "find")
  addNamed: (p) => `添加“${p.name}”`,
  quickPicks: '常买的东西',
  quickPick: (p) => `添加${p.name}`,
  quickPickNames: '牛奶|面包|鸡蛋|香蕉|大米|苹果|酸奶|青菜',
  amount: (p, h) => count(p.quantity, h, p.unit),
};
