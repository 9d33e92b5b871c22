/**
 * 批量上传: a statistician uploads the filled-in template (.xlsx/.csv). The upload is
 * all-or-nothing; when refused, the API's row-by-row report is shown as a table.
 */
import { ApiError, post } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { errorBox, filePicker } from '../lib/widgets.js';

/** @param {{id: number}} plan @param {() => void} done reloads the plan after a good upload */
export function bulkUpload(plan, done) {
  const picker = filePicker({ id: 'bulk-file', accept: '.xlsx,.csv' });
  const input = picker.input;
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, '上传');
  const result = h('div', { class: 'bulk-result', 'aria-live': 'polite' });

  const form = h(
    'form',
    { class: 'bulk-form' },
    h('p', { class: 'field-label' }, '填好的模板文件（.xlsx 或 .csv）'),
    h('div', { class: 'button-row' }, picker.element, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      replace(result, h('div', { class: 'notice notice-error', role: 'alert' }, '请先选择文件'));
      input.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file);
    submit.disabled = true;
    submit.textContent = '正在上传…';
    replace(result);
    try {
      const r = await post(`/api/plans/${plan.id}/measurements/upload`, body);
      toast(`已录入 ${r.recorded} 条数据${r.unchanged ? `，${r.unchanged} 条未变化` : ''}`);
      done();
    } catch (e) {
      replace(
        result,
        e instanceof ApiError ? rowReport(e) : h('div', { class: 'notice notice-error' }, '上传失败'),
      );
    } finally {
      submit.disabled = false;
      submit.textContent = '上传';
    }
  });

  return h(
    'section',
    { class: 'card' },
    h('h2', null, '批量上传数据'),
    h(
      'p',
      { class: 'muted small' },
      '先下载填报模板，填写后上传。文件中任何一行有误时，全部不录入，请按下表逐行修改后重新上传。',
    ),
    form,
    result,
  );
}

/** The refusal with one table row per bad cell: 行, 列, 问题. */
function rowReport(error) {
  const byRow = error.issues.filter((i) => i.path[0] === 'rows' && typeof i.path[1] === 'number');
  if (byRow.length === 0) return errorBox(error);
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    h('strong', null, `${error.message}（共 ${byRow.length} 处问题，未录入任何数据）`),
    h(
      'table',
      { class: 'data compact error-table' },
      h('thead', null, h('tr', null, h('th', null, '行'), h('th', null, '列'), h('th', null, '问题'))),
      h(
        'tbody',
        null,
        byRow.map((i) =>
          h(
            'tr',
            null,
            h('td', { class: 'num' }, String(i.path[1])),
            h('td', null, i.path[2] ? String(i.path[2]) : '—'),
            h('td', null, problem(i.message)),
          ),
        ),
      ),
    ),
  );
}

/** `第 5 行“数值”：应为数字` → `应为数字` (row and column already have their own cells). */
function problem(message) {
  const m = /^第\s*\d+\s*行(?:“[^”]*”)?[：:]\s*(.+)$/.exec(message);
  return m ? m[1] : message;
}
