import { describe, expect, it } from 'vitest';
import { guessCategory } from './aisles';

/**
 * Products the dictionary knows in both languages, as an English word and its Chinese twin. A
 * household that writes one in English and the other in Chinese walks to one aisle for both.
 */
const TWINS = (
  'apple=苹果|banana=香蕉|orange=橙子|lemon=柠檬|grape=葡萄|strawberry=草莓|blueberry=蓝莓|pear=梨|' +
  'peach=桃子|cherry=樱桃|mango=芒果|pineapple=菠萝|watermelon=西瓜|kiwi=猕猴桃|avocado=牛油果|' +
  'tomato=西红柿|tomato=番茄|potato=土豆|sweet potato=红薯|onion=洋葱|garlic=大蒜|ginger=生姜|' +
  'carrot=胡萝卜|broccoli=西兰花|cauliflower=花椰菜|cabbage=卷心菜|lettuce=生菜|spinach=菠菜|cucumber=黄瓜|' +
  'bell pepper=青椒|chilli=辣椒|eggplant=茄子|mushroom=蘑菇|celery=芹菜|bean sprouts=豆芽|corn=玉米|' +
  'spring onion=葱|coriander=香菜|pumpkin=南瓜|lotus root=莲藕|fruit=水果|vegetables=蔬菜|tofu=豆腐|' +
  'bread=面包|cake=蛋糕|baguette=法棍|bagel=贝果|bun=包子|egg tart=蛋挞|mooncake=月饼|toast=吐司|pork=猪肉|' +
  'beef=牛肉|lamb=羊肉|chicken=鸡肉|chicken wings=鸡翅|chicken breast=鸡胸肉|duck=鸭肉|spare ribs=排骨|' +
  'bacon=培根|ham=火腿|sausage=香肠|mince=肉末|steak=牛排|pork belly=五花肉|meatballs=肉丸|fish=鱼|' +
  'salmon=三文鱼|tuna=金枪鱼|cod=鳕鱼|shrimp=虾|prawns=大虾|crab=螃蟹|squid=鱿鱼|seafood=海鲜|scallops=扇贝|' +
  'clams=蛤蜊|oysters=生蚝|kelp=海带|milk=牛奶|yogurt=酸奶|cheese=奶酪|cheese=芝士|butter=黄油|cream=奶油|' +
  'eggs=鸡蛋|duck eggs=鸭蛋|soy milk=豆浆|soy milk=豆奶|condensed milk=炼乳|milk powder=奶粉|rice=大米|' +
  'rice=米|flour=面粉|noodles=面条|pasta=意大利面|instant noodles=方便面|rice noodles=米粉|sugar=白糖|' +
  'salt=盐|soy sauce=酱油|vinegar=醋|oil=油|cooking oil=食用油|olive oil=橄榄油|peanut oil=花生油|' +
  'oyster sauce=蚝油|ketchup=番茄酱|chilli sauce=辣椒酱|sesame paste=芝麻酱|peanut butter=花生酱|' +
  'black pepper=胡椒粉|cinnamon=肉桂|honey=蜂蜜|jam=果酱|oats=燕麦|cereal=麦片|red beans=红豆|' +
  'mung beans=绿豆|curry=咖喱|starch=淀粉|yeast=酵母|crisps=薯片|chips=薯片|chocolate=巧克力|' +
  'biscuits=饼干|cookies=饼干|candy=糖果|nuts=坚果|peanuts=花生|popcorn=爆米花|chewing gum=口香糖|' +
  'jelly=果冻|raisins=葡萄干|walnuts=核桃|almonds=杏仁|beef jerky=牛肉干|milk chocolate=牛奶巧克力|' +
  'water=水|mineral water=矿泉水|sparkling water=苏打水|juice=果汁|orange juice=橙汁|cola=可乐|' +
  'soda=汽水|beer=啤酒|wine=葡萄酒|red wine=红酒|tea=茶|green tea=绿茶|black tea=红茶|tea leaves=茶叶|' +
  'coffee=咖啡|coffee beans=咖啡豆|milk tea=奶茶|drinks=饮料|ice cream=冰淇淋|ice cream=雪糕|' +
  'ice lolly=冰棍|ice cubes=冰块|dumplings=饺子|dumplings=水饺|wontons=馄饨|pizza=披萨|' +
  'frozen dumplings=速冻水饺|toilet paper=卫生纸|tissues=纸巾|wet wipes=湿纸巾|kitchen roll=厨房纸|' +
  'dish soap=洗洁精|laundry detergent=洗衣液|washing powder=洗衣粉|bin bags=垃圾袋|cling film=保鲜膜|' +
  'foil=锡纸|aluminium foil=铝箔|batteries=电池|light bulb=灯泡|bleach=漂白剂|disinfectant=消毒液|' +
  'cleaner=清洁剂|fabric softener=柔顺剂|sponge=海绵|candles=蜡烛|matches=火柴|mop=拖把|shampoo=洗发水|' +
  'conditioner=护发素|shower gel=沐浴露|soap=香皂|soap=肥皂|hand soap=洗手液|toothpaste=牙膏|' +
  'toothbrush=牙刷|floss=牙线|mouthwash=漱口水|face wash=洗面奶|face cream=面霜|sunscreen=防晒霜|' +
  'body lotion=身体乳|razor=剃须刀|sanitary pads=卫生巾|cotton buds=棉签|hand cream=护手霜|' +
  'lip balm=润唇膏|vitamins=维生素|plasters=创可贴|painkillers=止痛药|face masks=口罩|perfume=香水|' +
  'nappies=尿布|diapers=纸尿裤|baby wipes=婴儿湿巾|baby formula=婴儿奶粉|baby bottle=奶瓶|pacifier=奶嘴|' +
  'baby food=辅食|baby shampoo=婴儿洗发水'
)
  .split('|')
  .map((pair) => pair.split('='));

describe('the aisle dictionary in two languages', () => {
  it('puts each English word and its Chinese twin in the same aisle, never "other"', () => {
    const apart = TWINS.map(([english = '', chinese = '']) => ({
      english,
      chinese,
      aisles: [guessCategory(english), guessCategory(chinese)],
    })).filter(({ aisles: [a, b] }) => a !== b || a === 'other');
    expect(TWINS.length).toBeGreaterThan(200);
    expect(apart).toEqual([]);
  });
});
