import type { Category } from '../events';

/**
 * Basket's built-in aisle dictionary: common products in English and Simplified Chinese, by the
 * aisle they are usually found in. Singular English forms are enough ("apples" finds "apple").
 * A name is matched whole first, then by the phrase in it that ends last (the head noun, in both
 * languages: "chocolate milk" is dairy, "milk chocolate" a snack), the longest such phrase first.
 * Words are separated by "|" to keep the table dense; it ships with the app.
 */
export const CATEGORY_WORDS: Readonly<Record<Exclude<Category, 'other'>, string>> = {
  produce:
    'apple|banana|orange|lemon|lime|grape|strawberry|blueberry|raspberry|blackberry|berry|pear|' +
    'peach|nectarine|plum|cherry|mango|pineapple|watermelon|melon|kiwi|avocado|tomato|potato|' +
    'sweet potato|onion|red onion|spring onion|scallion|shallot|garlic|ginger|carrot|broccoli|' +
    'cauliflower|cabbage|lettuce|spinach|kale|cucumber|pepper|bell pepper|chilli|chili|zucchini|' +
    'courgette|aubergine|eggplant|mushroom|celery|asparagus|green bean|pea|corn|sweetcorn|leek|' +
    'radish|beetroot|pumpkin|squash|herb|parsley|coriander|cilantro|basil|mint|salad|fruit|' +
    'vegetable|veg|tofu|bean sprout|lotus root|' +
    '苹果|香蕉|橙子|橘子|柠檬|葡萄|草莓|蓝莓|梨|桃子|樱桃|芒果|菠萝|西瓜|哈密瓜|猕猴桃|牛油果|' +
    '西红柿|番茄|土豆|马铃薯|红薯|洋葱|大蒜|蒜|姜|生姜|胡萝卜|西兰花|花椰菜|白菜|大白菜|卷心菜|' +
    '生菜|菠菜|黄瓜|青椒|辣椒|茄子|蘑菇|香菇|芹菜|豆芽|玉米|葱|香菜|韭菜|南瓜|冬瓜|莲藕|山药|' +
    '水果|蔬菜|青菜|豆腐',
  bakery:
    'bread|loaf|baguette|bagel|croissant|roll|bun|muffin|cake|pastry|pie|tortilla|wrap|pita|' +
    'naan|sourdough|brioche|crumpet|doughnut|donut|scone|toast|tart|egg tart|mooncake|' +
    '面包|吐司|馒头|包子|蛋糕|饼|烧饼|月饼|法棍|贝果|花卷|蛋挞|油条',
  meat:
    'meat|chicken|chicken breast|beef|mince|minced beef|ground beef|steak|pork|pork chop|lamb|' +
    'bacon|ham|sausage|salami|turkey|duck|meatball|burger|hot dog|chorizo|prosciutto|rib|' +
    'spare rib|' +
    '肉|猪肉|牛肉|羊肉|鸡|鸡肉|鸡腿|鸡翅|鸡胸肉|鸭|鸭肉|排骨|培根|火腿|香肠|腊肠|肉末|牛排|五花肉|' +
    '里脊|肉丸',
  fish:
    'fish|salmon|tuna|cod|prawn|shrimp|crab|lobster|mussel|sardine|mackerel|trout|haddock|' +
    'seafood|squid|oyster|scallop|clam|kelp|seaweed|' +
    '鱼|三文鱼|鲑鱼|金枪鱼|鳕鱼|带鱼|鲈鱼|虾|大虾|虾仁|螃蟹|蟹|鱿鱼|海鲜|扇贝|蛤蜊|生蚝|海带',
  dairy:
    'milk|oat milk|soy milk|almond milk|buttermilk|butter|cheese|cheddar|mozzarella|parmesan|' +
    'feta|cottage cheese|cream cheese|yogurt|yoghurt|cream|sour cream|whipped cream|egg|' +
    'margarine|kefir|custard|' +
    '牛奶|奶|酸奶|奶酪|芝士|黄油|奶油|鸡蛋|蛋|鸭蛋|皮蛋|豆浆|豆奶|炼乳|奶粉',
  pantry:
    'rice|pasta|spaghetti|noodle|flour|sugar|salt|black pepper|oil|olive oil|vinegar|' +
    'soy sauce|sauce|tomato sauce|tomato paste|ketchup|mayonnaise|mayo|mustard|honey|jam|' +
    'peanut butter|cereal|oat|porridge|bean|baked bean|lentil|chickpea|stock|broth|spice|' +
    'cinnamon|baking powder|yeast|cocoa|syrup|soup|curry paste|breadcrumb|cornflake|granola|' +
    'muesli|sesame paste|curry|starch|cornstarch|' +
    '大米|米|小米|糯米|面粉|面条|挂面|方便面|意大利面|米粉|粉丝|糖|白糖|盐|酱油|醋|料酒|油|食用油|' +
    '花生油|橄榄油|蚝油|番茄酱|辣椒酱|辣椒粉|芝麻酱|花生酱|味精|鸡精|胡椒|胡椒粉|花椒|八角|肉桂|' +
    '蜂蜜|果酱|麦片|燕麦|红豆|绿豆|罐头|调料|咖喱|淀粉|酵母',
  snacks:
    'snack|crisp|chips|chocolate|milk chocolate|biscuit|cookie|cracker|popcorn|nut|almond|' +
    'peanut|cashew|candy|sweets|gum|pretzel|cereal bar|granola bar|raisin|walnut|jelly|jerky|' +
    'beef jerky|' +
    '零食|薯片|巧克力|饼干|糖果|坚果|花生|瓜子|爆米花|口香糖|果冻|虾片|辣条|牛肉干|话梅|葡萄干|' +
    '核桃|杏仁',
  drinks:
    'water|sparkling water|juice|orange juice|apple juice|soda|cola|coke|lemonade|beer|wine|' +
    'red wine|white wine|cider|coffee|tea|green tea|energy drink|kombucha|whisky|vodka|gin|' +
    'champagne|drink|coffee bean|' +
    '水|矿泉水|纯净水|苏打水|果汁|橙汁|可乐|雪碧|汽水|啤酒|葡萄酒|红酒|白酒|酒|茶|茶叶|绿茶|红茶|' +
    '咖啡|奶茶|饮料|椰汁',
  frozen:
    'ice cream|ice|ice cube|ice lolly|popsicle|pizza|fish finger|fish stick|fries|oven chips|' +
    'dumpling|wonton|' +
    '冰淇淋|雪糕|冰棍|冰块|饺子|水饺|汤圆|馄饨|披萨',
  household:
    'toilet paper|toilet roll|kitchen roll|paper towel|dish soap|washing up liquid|detergent|' +
    'laundry detergent|bin bag|trash bag|bin liner|sponge|foil|aluminium foil|cling film|' +
    'plastic wrap|battery|batteries|light bulb|bleach|cleaner|fabric softener|dishwasher tablet|' +
    'napkin|tissue|candle|match|wet wipe|washing powder|disinfectant|mop|' +
    '卫生纸|纸巾|抽纸|湿纸巾|厨房纸|洗洁精|洗衣液|洗衣粉|垃圾袋|保鲜膜|保鲜袋|锡纸|铝箔|电池|灯泡|' +
    '漂白剂|消毒液|清洁剂|柔顺剂|海绵|抹布|蜡烛|火柴|酒精|拖把',
  personal:
    'shampoo|conditioner|soap|hand soap|shower gel|body wash|toothpaste|toothbrush|floss|' +
    'mouthwash|deodorant|razor|shaving foam|sunscreen|lotion|moisturiser|moisturizer|tampon|' +
    'sanitary pad|cotton bud|painkiller|plaster|vitamin|lip balm|perfume|hand cream|' +
    'face cream|face wash|face mask|' +
    '洗发水|护发素|沐浴露|香皂|肥皂|洗手液|牙膏|牙刷|牙线|漱口水|洗面奶|面霜|防晒霜|身体乳|' +
    '剃须刀|刮胡刀|卫生巾|棉签|护手霜|润唇膏|维生素|创可贴|止痛药|口罩|香水|花露水',
  baby:
    'nappy|nappies|diaper|baby wipe|wipe|baby food|formula|baby formula|baby milk|dummy|' +
    'pacifier|teething gel|baby bottle|baby shampoo|' +
    '尿布|纸尿裤|尿不湿|婴儿湿巾|婴儿奶粉|奶瓶|奶嘴|辅食',
};

/**
 * Words that decide the aisle wherever they appear, whatever the rest of the name says:
 * "frozen peas" are in the freezer, "canned peaches" on the shelf, "婴儿洗发水" with the baby things.
 */
export const CATEGORY_MARKERS: readonly (readonly [string, Category])[] = [
  ['frozen', 'frozen'],
  ['canned', 'pantry'],
  ['tinned', 'pantry'],
  ['冷冻', 'frozen'],
  ['速冻', 'frozen'],
  ['婴儿', 'baby'],
  ['宝宝', 'baby'],
];
