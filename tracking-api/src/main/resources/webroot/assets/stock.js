// Stock and the early warning of unsold produce (/stock): a site's lots on hand from GET /api/v1/stock, worst first,
// each with its grade, the figures it rests on and its reason; "Find buyers" asks GET /api/v1/stock/lots/:id/buyers.
(function () {
  'use strict';
  const { t, apply, lang } = window.I18N;
  const { api, el, header } = window.CT;
  const GRADES = ['ok', 'watch', 'warning', 'urgent'];
  const q = new URLSearchParams(location.search);
  let site = q.get('site') || '';
  let grade = GRADES.includes(q.get('grade')) ? q.get('grade') : 'watch';

  header('stock');
  apply();
  document.title = t('stock.title') + ' · ColdTrace';
  const zh = () => lang === 'zh-CN';
  const n = v => v === null || v === undefined ? '—' : (Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10).toLocaleString();

  function show() {
    history.replaceState(null, '', '/stock?site=' + encodeURIComponent(site) + '&grade=' + grade);
    document.querySelectorAll('#grades button').forEach(b => {
      b.classList.toggle('active', b.dataset.grade === grade);
      b.setAttribute('aria-selected', String(b.dataset.grade === grade));
    });
  }

  async function buyers(item, cell, button) {
    const open = cell.querySelector('.proposals');
    if (open) { open.remove(); button.textContent = t('stock.buyers'); return; }
    button.disabled = true;
    try {
      const d = await api('/api/v1/stock/lots/' + item.lot_id + '/buyers?site=' + encodeURIComponent(site));
      const list = el('ul', { class: 'proposals' });
      if (!d.proposals.length) list.append(el('li', { class: 'muted', text: t('stock.noBuyers') }));
      for (const p of d.proposals) {
        list.append(el('li', { dataset: { party: p.party_id } },
          el('span', { class: 'who', text: (zh() ? p.name_zh : p.name_en) || p.name_zh || p.party_id }), ' · ',
          el('span', { text: t('stock.score', p.score) }),
          p.life_on_arrival_days === null ? null : el('span', { text: ' · ' + t('stock.onArrival', n(p.life_on_arrival_days)) }),
          el('div', { class: 'reasons', text: zh() ? p.why_zh.join('；') : p.why.join('; ') })));
      }
      cell.append(list);
      button.textContent = t('stock.hide');
    } catch (e) {
      if (e.status !== 401) document.getElementById('error').textContent = e.message;
    } finally {
      button.disabled = false;
    }
  }

  function row(i) {
    const w = i.warning;
    const why = el('td', { class: 'why' }, el('div', { text: zh() ? w.zh : w.en }));
    const button = el('button', { type: 'button', class: 'link find-buyers', text: t('stock.buyers') });
    button.addEventListener('click', () => buyers(i, why, button));
    if (w.grade !== 'ok') why.append(button);
    return el('tr', { class: 'g-' + w.grade, dataset: { lot: i.code, grade: w.grade } },
      el('td', {}, el('span', { class: 'grade grade-' + w.grade, text: t('grade.' + w.grade) })),
      el('td', {}, el('a', { href: '/lots/' + i.lot_id, text: i.code }),
        el('div', { class: 'muted small', text: (zh() ? i.name_zh : i.name_en) || '' })),
      el('td', { text: i.place }),
      el('td', { class: 'num', text: n(i.quantity) + ' ' + i.uom }),
      el('td', { class: 'num', text: i.remaining_days === null ? t('stock.noLife') : t('stock.days', n(i.remaining_days)) }),
      el('td', { class: 'num', text: t('stock.days', n(i.still_days)) }),
      el('td', { class: 'num at-risk', text: w.at_risk > 0 ? n(w.at_risk) + ' ' + i.uom : '—' }),
      why);
  }

  async function load() {
    show();
    const err = document.getElementById('error');
    err.textContent = '';
    try {
      const d = await api('/api/v1/stock?site=' + encodeURIComponent(site) + '&limit=500');
      const floor = GRADES.indexOf(grade);
      const items = d.items.filter(i => GRADES.indexOf(i.warning.grade) >= floor);
      document.getElementById('products').replaceChildren(...d.products.map(p => el('div', { class: 'product' },
        t('stock.product', (zh() ? p.name_zh : p.name_en) || p.product_id || '—', n(p.quantity), p.uom, p.lots, n(p.rate_per_day), n(p.at_risk)))));
      const root = document.getElementById('stock');
      if (!items.length) { root.replaceChildren(el('p', { class: 'empty', text: t('stock.empty') })); return; }
      const head = ['grade', 'lot', 'place', 'qty', 'life', 'still', 'risk', 'why'].map(k => el('th', { text: t('stock.col.' + k) }));
      const table = el('table', { class: 'table stock' }, el('thead', {}, el('tr', {}, head)), el('tbody', {}, items.map(row)));
      const more = d.lots_on_hand > d.items.length ? el('p', { class: 'muted small', text: t('stock.more', d.items.length, d.lots_on_hand) }) : null;
      root.replaceChildren(...[table, more].filter(Boolean));
    } catch (e) {
      if (e.status !== 401) err.textContent = e.message;
    }
  }

  async function start() {
    try {
      const sites = (await api('/api/v1/sites')).items;
      const pick = document.getElementById('site');
      if (!sites.length) { document.getElementById('error').textContent = t('stock.noSites'); return; }
      pick.replaceChildren(...sites.map(s => el('option', { value: s.id, text: s.name })));
      if (!sites.some(s => s.id === site)) site = sites[0].id;
      pick.value = site;
      pick.addEventListener('change', () => { site = pick.value; load(); });
      document.querySelectorAll('#grades button').forEach(b => b.addEventListener('click', () => { grade = b.dataset.grade; load(); }));
      load();
    } catch (e) {
      if (e.status !== 401) document.getElementById('error').textContent = e.message;
    }
  }
  start();
})();
