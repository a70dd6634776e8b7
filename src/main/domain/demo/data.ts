// Believable names, places and cars for the demo shop; a real shop's data never comes from here.
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建文辉力鹏飞斌宇浩凯俊峰婷雪琳晨欣怡佳子涵梓轩宏志国庆春海波云龙'
export const COMPANIES = ['顺达物流有限公司', '鹏程汽车租赁有限公司', '华南建材有限公司', '新城出租汽车有限公司', '安捷快递有限公司', '粤海电子科技有限公司']
export const DISTRICTS = ['南山区科技园', '福田区莲花街道', '罗湖区东门', '宝安区西乡', '龙岗区布吉', '龙华区民治', '天河区珠江新城', '海珠区江南西', '越秀区东山口']
export const STREETS = ['深南大道', '滨海大道', '北环大道', '宝安大道', '中山路', '解放路', '人民路', '建设路']
export const CITY_PLATES: Array<[string, string]> = [
  ['粤', 'B'], ['粤', 'A'], ['粤', 'S'], ['粤', 'E'], ['京', 'N'], ['沪', 'A'], ['湘', 'A'], ['桂', 'A']
]
export const MODELS: Array<[string, string, string]> = [
  ['大众', '朗逸', 'car'], ['大众', '帕萨特', 'car'], ['丰田', '卡罗拉', 'car'], ['丰田', '凯美瑞', 'car'],
  ['本田', '雅阁', 'car'], ['本田', 'CR-V', 'suv'], ['日产', '轩逸', 'car'], ['比亚迪', '秦PLUS DM-i', 'ev'],
  ['比亚迪', '宋PLUS', 'suv'], ['吉利', '帝豪', 'car'], ['长安', 'CS75 PLUS', 'suv'], ['哈弗', 'H6', 'suv'],
  ['别克', 'GL8', 'mpv'], ['五菱', '宏光MINIEV', 'ev'], ['宝马', '3系', 'car'], ['奔驰', 'C级', 'car'],
  ['福特', '全顺', 'van'], ['特斯拉', 'Model 3', 'ev']
]
export const COLOURS = ['白色', '黑色', '银色', '灰色', '红色', '蓝色', '香槟色']
// World manufacturer identifiers of makers building for the Chinese market.
export const WMIS = ['LSV', 'LFV', 'LVG', 'LHG', 'LGB', 'LGX', 'LB3', 'LS5', 'LGW', 'LSG', 'LZW', 'LBV', 'LE4', 'LFM', 'LRW']
export const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
