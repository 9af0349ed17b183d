// Recall cases for QA (/recalls): the list from GET /api/v1/recalls, filtered by status; each opens its case page.
(function () {
  'use strict';
  const { t, apply } = window.I18N;
  const { api, el, header, time } = window.CT;
  const STATUSES = ['', 'open', 'recalled', 'released'];
  let filter = new URLSearchParams(location.search).get('status') || '';
  if (!STATUSES.includes(filter)) filter = '';

  header('recalls');
  apply();
  document.title = t('recalls.title') + ' · ColdTrace';

  function row(k) {
    const href = '/recalls/' + k.id;
    return el('tr', { dataset: { recall: k.id, status: k.status } },
      el('td', { class: 'nowrap', text: time(k.opened_at) }),
      el('td', {}, el('a', { href, text: k.reason }), el('div', { class: 'muted small', text: k.opened_by })),
      el('td', { text: t('rk.' + k.kind) }),
      el('td', {}, el('span', { class: 'rs rs-' + k.status, text: t('rs.' + k.status) })),
      el('td', { class: 'num', text: k.lots }),
      el('td', { class: 'hash', title: k.scope_sha256, text: k.scope_sha256.slice(0, 16) + '…' }));
  }

  async function load() {
    document.querySelectorAll('#filters button').forEach(b => {
      b.classList.toggle('active', b.dataset.status === filter);
      b.setAttribute('aria-selected', String(b.dataset.status === filter));
    });
    try {
      const d = await api('/api/v1/recalls' + (filter ? '?status=' + filter : ''));
      const root = document.getElementById('recalls');
      if (!d.items.length) { root.replaceChildren(el('p', { class: 'empty', text: t('recalls.empty') })); return; }
      const head = ['recalls.col.opened', 'recalls.col.reason', 'recalls.col.kind', 'recalls.col.status', 'recalls.col.lots', 'recalls.col.hash'];
      root.replaceChildren(el('table', { class: 'table recalls' }, el('thead', {}, el('tr', {}, head.map(k => el('th', { text: t(k) })))),
        el('tbody', {}, d.items.map(row))));
    } catch (e) {
      if (e.status !== 401) document.getElementById('error').textContent = t('error.load', e.message);
    }
  }

  document.querySelectorAll('#filters button').forEach(b => b.addEventListener('click', () => {
    filter = b.dataset.status;
    history.replaceState(null, '', '/recalls' + (filter ? '?status=' + filter : ''));
    load();
  }));
  load();
})();
