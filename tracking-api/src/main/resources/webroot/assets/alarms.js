// Alarm list: filter by state; acknowledge with a mandatory comment (the corrective action); resolve once cleared.
// Alarm events from the live stream refresh the list.
(function () {
  'use strict';
  const { t, apply } = window.I18N;
  const { api, el, header, temp, time, live, me, isQa } = window.CT;
  const STATES = ['active', 'open', 'acknowledged', 'resolved'];
  let filter = new URLSearchParams(location.search).get('state');
  if (!STATES.includes(filter)) filter = 'active';
  let editing = null;  // id of the alarm whose acknowledge or recall form is open: live refreshes wait for it
  let qa = false;  // QA (and admins) may open a recall from an alarm

  header('alarms');
  apply();
  document.title = t('alarms.title') + ' · ColdTrace';

  function setFilter(s) {
    filter = s;
    history.replaceState(null, '', '/alarms?state=' + s);
    document.querySelectorAll('#filters button').forEach(b => {
      b.classList.toggle('active', b.dataset.state === s);
      b.setAttribute('aria-selected', String(b.dataset.state === s));
    });
    editing = null;
    load();
  }

  function showError(msg) { document.getElementById('error').textContent = msg || ''; }

  function ackForm(a, row) {
    editing = a.id;
    const input = el('textarea', { class: 'ack-comment', rows: 2, maxlength: 2000, placeholder: t('ack.comment'), 'aria-label': t('ack.comment') });
    const msg = el('p', { class: 'error' });
    input.addEventListener('input', () => { msg.textContent = ''; });
    const submit = async () => {
      const comment = input.value.trim();
      if (!comment) { msg.textContent = t('ack.required'); input.focus(); return; }
      try {
        await api('/api/v1/alarms/' + a.id + '/acknowledge', { json: { comment } });
        editing = null;
        load();
      } catch (e) { msg.textContent = e.field === 'comment' ? t('ack.required') : t('error.generic', e.status + ' ' + e.message); }
    };
    const form = el('tr', { class: 'ack-row', dataset: { ackFor: a.id } }, el('td', { colspan: 8 },
      el('div', { class: 'ack-form' }, input,
        el('div', { class: 'ack-buttons' },
          el('button', { type: 'button', class: 'primary ack-confirm', onclick: submit, text: t('ack.confirm') }),
          el('button', { type: 'button', class: 'secondary', onclick: () => { editing = null; load(); }, text: t('ack.cancel') }))),
      msg));
    row.after(form);
    input.focus();
  }

  /** Opens a recall case scoped to what was in the alarm's unit during it, then goes to the case. */
  function recallForm(a, row) {
    editing = a.id;
    const reason = el('textarea', { class: 'recall-reason', rows: 2, maxlength: 2000, placeholder: t('recall.reason'), 'aria-label': t('recall.reason') });
    const drill = el('input', { type: 'checkbox', class: 'recall-drill' });
    const msg = el('p', { class: 'error' });
    reason.addEventListener('input', () => { msg.textContent = ''; });
    const submit = async ev => {
      const text = reason.value.trim();
      if (!text) { msg.textContent = t('recall.reasonRequired'); reason.focus(); return; }
      const button = ev.currentTarget;
      button.disabled = true;
      try {
        const k = await api('/api/v1/recalls', { json: { alarm_id: Number(a.id), reason: text, drill: drill.checked } });
        location.href = '/recalls/' + k.id;
      } catch (e) {
        button.disabled = false;
        msg.textContent = e.field === 'reason' ? t('recall.reasonRequired') : t('error.generic', e.status + ' ' + e.message);
      }
    };
    const form = el('tr', { class: 'ack-row', dataset: { recallFor: a.id } }, el('td', { colspan: 8 },
      el('div', { class: 'recall-form' }, reason, el('label', {}, drill, t('recall.drill')),
        el('div', { class: 'ack-buttons' },
          el('button', { type: 'button', class: 'danger recall-confirm', onclick: submit, text: t('recall.openConfirm') }),
          el('button', { type: 'button', class: 'secondary', onclick: () => { editing = null; load(); }, text: t('ack.cancel') }))),
      msg));
    row.after(form);
    reason.focus();
  }

  async function resolve(a) {
    try {
      await api('/api/v1/alarms/' + a.id + '/resolve', { method: 'POST' });
      load();
    } catch (e) { showError(t('error.generic', e.status + ' ' + e.message)); }
  }

  function actions(a, row) {
    const out = [];
    if (a.state === 'open') {
      out.push(el('button', { type: 'button', class: 'primary small ack', onclick: () => { if (!row.nextSibling || !row.nextSibling.dataset || !row.nextSibling.dataset.ackFor) ackForm(a, row); }, text: t('ack.button') }));
    }
    if (a.state !== 'resolved') {
      out.push(el('button', { type: 'button', class: 'secondary small resolve', disabled: !a.cleared_at,
        title: a.cleared_at ? null : t('resolve.notCleared'), onclick: () => resolve(a), text: t('resolve.button') }));
    }
    if (qa) {
      out.push(el('button', { type: 'button', class: 'secondary small open-recall', onclick: () => { if (editing === null) recallForm(a, row); }, text: t('recall.open') }));
    }
    return out;
  }

  function row(a) {
    const tr = el('tr', { class: 'alarm sev-' + a.severity, dataset: { alarm: a.id, state: a.state, rule: a.rule } });
    const unit = el('a', { href: '/units/' + encodeURIComponent(a.unit_id), text: a.unit_name || a.unit_id });
    const values = (a.limit_value == null ? '—' : temp(a.limit_value)) + ' / ' + (a.peak_value == null ? '—' : temp(a.peak_value));
    const ack = a.acknowledged_at
      ? el('div', { class: 'ack-info' }, el('div', { text: a.ack_comment || '' }),
          el('div', { class: 'muted small', text: t('by', a.acknowledged_by || '') + ' · ' + time(a.acknowledged_at) }))
      : '';
    tr.append(
      el('td', {}, el('span', { class: 'badge badge-' + a.severity, text: t('sev.' + a.severity) })),
      el('td', {}, unit, el('div', { class: 'muted small', text: a.site_name || '' })),
      el('td', {}, el('div', { text: t('rule.' + a.rule) }), el('div', { class: 'muted small', text: a.message || '' })),
      el('td', { class: 'nowrap', text: time(a.started_at) }),
      el('td', { class: 'nowrap', text: a.cleared_at ? time(a.cleared_at) : t('still.active') }),
      el('td', { class: 'num', text: values }),
      el('td', {}, el('span', { class: 'state state-' + a.state, text: t('state.' + a.state) }), ack),
      el('td', { class: 'actions' }, ...actions(a, tr)));
    return tr;
  }

  async function load() {
    try {
      const d = await api('/api/v1/alarms?state=' + filter);
      // a list that arrives while an acknowledge form is open would wipe what is being typed; every action that
      // closes the form clears editing before it reloads
      if (editing !== null) return;
      showError('');
      const root = document.getElementById('alarms');
      if (!d.items.length) { root.replaceChildren(el('p', { class: 'empty', text: t('alarms.empty') })); return; }
      const head = ['col.severity', 'col.unit', 'col.rule', 'col.started', 'col.cleared', 'col.values', 'col.state', 'col.actions'];
      root.replaceChildren(el('table', { class: 'table alarms' },
        el('thead', {}, el('tr', {}, head.map(k => el('th', { text: t(k) })))),
        el('tbody', {}, d.items.map(row))));
    } catch (e) {
      if (e.status !== 401) showError(t('error.load', e.message));
    }
  }

  document.querySelectorAll('#filters button').forEach(b => b.addEventListener('click', () => setFilter(b.dataset.state)));
  me().then(u => { qa = isQa(u); setFilter(filter); });
  live({ alarm: () => { if (editing === null) load(); } });
})();
