import { describe, expect, test } from 'vitest';
import { readPlan } from '../src/documents';

/** Targets of a plain-text document read as `dabiao extract` reads it: seq, then quote per target. */
async function targetsOf(text: string): Promise<[number | null, string[]][]> {
  const plan = await readPlan('report.txt', Buffer.from(text));
  return plan.tasks.map((t) => [t.seq, t.targets.map((x) => x.quote)]);
}

describe('a completion report', () => {
  test('an item is a heading sentence that aims, then a body that reports: only the heading and what looks ahead count', async () => {
    const report = [
      '青山区妇女儿童发展规划2024年实施情况的报告',
      '区人民政府：',
      '现将2024年实施情况报告如下。',
      '（一）妇女“两癌”免费检查覆盖率达到90%以上。全年完成宫颈癌检查1.2万人，检查覆盖率为94.6%，比上年提高2.1个百分点。',
      '（二）新建儿童友好社区10个。全年新建儿童友好社区12个，完成率120%。',
      '（三）孕产妇系统管理率保持在95%以上。全区孕产妇系统管理率达到97.2%。下一步，力争孕产妇系统管理率稳定在97%以上。',
      '（四）下一步，力争2025年底前新增普惠托位500个。',
    ].join('\n');
    expect(await targetsOf(report)).toEqual([
      [1, ['90%以上']],
      [2, ['10个']],
      [3, ['95%以上', '97%以上']],
      [4, ['500个']],
    ]);
  });

  test('under 存在的问题 nothing aims, unless the section also looks ahead', async () => {
    const report = [
      '东川县2024年民生实事完成情况报告',
      '一、完成情况',
      '1.新建村级养老服务站20个',
      '全年建成23个。',
      '二、存在的问题',
      '一是部分乡镇服务站专职人员仍不足2名；二是仍有3个村未完成选址。',
      '三、存在的问题及下一步打算',
      '二是个别项目进度偏慢。',
      '三是下一步，将力争新建村级养老服务站15个。',
    ].join('\n');
    expect(await targetsOf(report)).toEqual([
      [1, ['20个']],
      [3, ['15个']],
    ]);
  });
});
