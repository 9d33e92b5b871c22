/**
 * Words by which a report and its plan name the same subject differently. The report matcher
 * reads them; their corpus (pairs that must and must not match) is extractors/reports/corpus.ts.
 */

/** Variants of one subject, the canonical form first (`托育服务机构` is written `托育机构` too). */
export const SUBJECT_SYNONYMS: readonly (readonly string[])[] = [
  ['托育服务机构', '托育机构'],
  ['普惠性', '普惠'],
  ['医疗卫生共同体', '医共体'],
  ['老年食堂', '老年助餐服务点', '助餐点', '食堂'],
  ['养护人员', '养护工人', '路长及养护人员'],
  ['流通人次', '接待读者', '到馆人次'],
  ['健身路径', '健身器材'],
  ['城市书房', '城市阅读空间', '24小时书房'],
  ['行政村', '村'],
  ['新改建', '新建改建', '改建'],
];

/**
 * Qualifiers of place or level (`社区老年食堂` / `老年食堂`, `农村健身路径` / `行政村…健身路径`):
 * weighed lightly, so a report that leaves one out still matches, and one that names another
 * (`城市` against `农村`) counts against the match.
 */
export const SUBJECT_QUALIFIERS = [
  '社区',
  '农村',
  '城乡',
  '城市',
  '城镇',
  '乡村',
  '全市',
  '市级',
  '县级',
  '乡镇',
  '村级',
];
