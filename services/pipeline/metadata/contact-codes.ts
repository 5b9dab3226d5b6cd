// Postcodes and telephone area codes in a report's contact line (邮编:277100, 电话:0632-…):
// the last clue to where a report comes from, used only when the places a text names leave
// a choice (市中区 is in 济南, 枣庄, 乐山 and 内江). A postcode's first two digits give the
// province; an area code gives the city. Tables from the China Post postcode plan and the
// national telephone numbering plan; area codes only for provincial capitals and cities
// whose district names are shared across provinces.

const POSTCODE_PROVINCE: Record<string, string> = {
  '10': '北京市', '30': '天津市', '20': '上海市', '40': '重庆市',
  '05': '河北省', '06': '河北省', '07': '河北省', '03': '山西省', '04': '山西省',
  '01': '内蒙古自治区', '02': '内蒙古自治区', '11': '辽宁省', '12': '辽宁省', '13': '吉林省',
  '15': '黑龙江省', '16': '黑龙江省', '21': '江苏省', '22': '江苏省', '31': '浙江省', '32': '浙江省',
  '23': '安徽省', '24': '安徽省', '35': '福建省', '36': '福建省', '33': '江西省', '34': '江西省',
  '25': '山东省', '26': '山东省', '27': '山东省', '45': '河南省', '46': '河南省', '47': '河南省',
  '43': '湖北省', '44': '湖北省', '41': '湖南省', '42': '湖南省', '51': '广东省', '52': '广东省',
  '53': '广西壮族自治区', '54': '广西壮族自治区', '57': '海南省', '61': '四川省', '62': '四川省',
  '63': '四川省', '64': '四川省', '55': '贵州省', '56': '贵州省', '65': '云南省', '66': '云南省',
  '67': '云南省', '85': '西藏自治区', '71': '陕西省', '72': '陕西省', '73': '甘肃省', '74': '甘肃省',
  '81': '青海省', '75': '宁夏回族自治区', '83': '新疆维吾尔自治区', '84': '新疆维吾尔自治区',
};

const AREA_CODE_CITY: Record<string, string> = {
  '010': '北京市', '020': '广州市', '021': '上海市', '022': '天津市', '023': '重庆市', '024': '沈阳市',
  '025': '南京市', '027': '武汉市', '028': '成都市', '029': '西安市',
  '0311': '石家庄市', '0351': '太原市', '0471': '呼和浩特市', '0472': '包头市', '0431': '长春市',
  '0451': '哈尔滨市', '0411': '大连市', '0571': '杭州市', '0580': '舟山市', '0551': '合肥市',
  '0591': '福州市', '0791': '南昌市', '0531': '济南市', '0532': '青岛市', '0539': '临沂市',
  '0632': '枣庄市', '0371': '郑州市', '0378': '开封市', '0516': '徐州市', '0731': '长沙市',
  '0771': '南宁市', '0772': '柳州市', '0851': '贵阳市', '0871': '昆明市',
  '0891': '拉萨市', '0931': '兰州市', '0971': '西宁市', '0951': '银川市', '0991': '乌鲁木齐市',
  '0833': '乐山市', '0832': '内江市', '0510': '无锡市', '0512': '苏州市', '0574': '宁波市',
  '0353': '阳泉市', '0356': '晋城市', '0454': '佳木斯市', '0468': '鹤岗市', '0469': '双鸭山市',
  '0453': '牡丹江市', '0412': '鞍山市', '0418': '阜新市', '0434': '四平市', '0437': '辽源市',
  '0755': '深圳市', '0660': '汕尾市', '0513': '南通市', '0518': '连云港市', '0313': '张家口市',
  '0317': '沧州市', '0375': '平顶山市', '0562': '铜陵市', '0597': '龙岩市', '0744': '张家界市',
  // 0898 covers all of Hainan: named by its province, as the 直辖市 codes are.
  '0898': '海南省',
};

const POSTCODE = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)/g;
const AREA_CODE = /(?:电话|传真|热线|联系方式)\s*[:：]?\s*[(（]?(0\d{2,3})[)）]?\s*[-－—]?\s*\d{7,8}(?!\d)/g;

export interface ContactClues { provinces: string[]; cities: string[] }

/** The provinces the postcodes point at and the cities (or, for 直辖市 and Hainan, provinces) the area codes do. */
export function contactClues(text: string): ContactClues {
  const provinces = new Set<string>();
  const cities = new Set<string>();
  for (const m of text.matchAll(POSTCODE)) {
    const province = POSTCODE_PROVINCE[m[1]!.slice(0, 2)];
    if (province) provinces.add(province);
  }
  for (const m of text.matchAll(AREA_CODE)) {
    // 010 and 02x are the only three-digit codes: 022-23456789 and 02223456789 are both 022.
    const code = /^0[12]/.test(m[1]!) ? m[1]!.slice(0, 3) : m[1]!;
    const city = AREA_CODE_CITY[code];
    if (city) cities.add(city);
  }
  return { provinces: [...provinces], cities: [...cities] };
}
