// One recall case for QA (/recalls/:id, GET /api/v1/recalls/:id): status, time to scope against BRCGS 4 h and FDA
// 24 h, the frozen scope's hash, affected lots and buyers with quantities, acknowledgements, effectiveness, history,
// notices; mark it recalled (notifies the buyers: a second click confirms) or release it; the buyers CSV and the
// case's audit pack (GET /api/v1/recalls/:id/audit-pack, a ZIP).
(function () {
  'use strict';
  const { t, lang, apply } = window.I18N;
  const { api, el, header, time } = window.CT;
  const id = decodeURIComponent(location.pathname.split('/')[2]);
  const zh = lang.startsWith('zh');
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });

  header('recalls');
  apply();
  const show = (elId, ...c) => document.getElementById(elId).replaceChildren(...c);
  const qty = (q, uom) => q === null || q === undefined ? '—' : num.format(q) + ' ' + t('uom.' + uom);
  // a column of what happened (shipped, delivered, returned, destroyed): nothing is "—", not "0 kg"
  const done = (q, uom) => Number(q) === 0 ? '—' : qty(q, uom);
  const partyName = b => (zh ? b.name_zh || b.name_en : b.name_en || b.name_zh) || b.party_id;
  const table = (head, rows, cls) => el('table', { class: 'table ' + (cls || '') },
    el('thead', {}, el('tr', {}, head.map(k => el('th', { text: t(k) })))), el('tbody', {}, rows));
  const none = key => el('p', { class: 'muted inset-p', text: t(key) });

  function duration(ms) {
    if (ms < 1000) return ms + ' ms';
    if (ms < 60000) return num.format(ms / 1000) + ' s';
    const m = Math.round(ms / 60000);
    return m < 60 ? m + ' min' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  function seed(s) {
    if (s.lots) return t('recall.seed.lots', s.lots.map(l => l.code || l).join(', '));
    const x = s.exposure || {};
    return (x.alarm_id ? t('recall.seed.alarm', x.alarm_id) + ': ' : '') + t('recall.seed.exposure', x.unit_id, time(x.from), time(x.to));
  }

  function fact(label, ...value) {
    return el('div', {}, el('div', { class: 'label', text: label }), ...value);
  }

  function facts(k) {
    const e = k.elapsed_to_scope;
    const limit = (ok, name) => el('span', { class: 'badge ' + (ok ? 'badge-ok' : 'badge-critical'), dataset: { limit: name },
      text: (ok ? '✓ ' : '✗ ') + t(ok ? 'recall.within' : 'recall.over', name) });
    show('facts',
      fact(t('recall.scopeTime'), el('div', { class: 'big', id: 'elapsed', text: duration(e.ms) }),
        el('div', {}, limit(e.within_brcgs_4h, 'BRCGS 4 h'), ' ', limit(e.within_fda_24h, 'FDA 24 h'))),
      fact(t('recall.hash'), el('div', { class: 'hash', id: 'scope-hash', text: k.scope_sha256 }),
        el('div', { class: k.scope_verified ? 'small' : 'small holds-on', id: 'scope-verified',
          text: (k.scope_verified ? '✓ ' : '✗ ') + t(k.scope_verified ? 'recall.verified' : 'recall.tampered') })),
      fact(t('recall.seed'), el('div', { text: seed(k.scope.seeds) })),
      // red only while the lots are held; lifted (released) is green; a drill holds nothing
      fact(t('recall.holds'), el('div', { id: 'holds', class: 'holds ' + (k.drill ? 'holds-none' : k.holds ? 'holds-on' : 'holds-off'),
        dataset: { holds: String(k.holds) },
        text: k.drill ? t('recall.drillNote') : (k.holds ? '' : '✓ ') + t(k.holds ? 'recall.holdsOn' : 'recall.holdsOff') })));
  }

  function lots(k) {
    const items = k.scope.lots;
    show('lots-title', t('recall.lots', items.length));
    show('lots', table(['recall.col.lot', 'recall.col.kind', 'recall.col.depth', 'recall.col.quantity'], items.map(l =>
      el('tr', { dataset: { lot: l.code } },
        el('td', {}, el('a', { href: '/lots/' + l.lot_id, text: l.code }), l.seed ? el('span', { class: 'badge badge-warning', text: ' ' + t('recall.seedLot') }) : null,
          ' ', el('a', { class: 'small', href: '/lots/' + l.lot_id + '/trace', text: t('trace.graph') })),
        el('td', { text: t('kind.' + l.kind) }), el('td', { class: 'num', text: l.depth }),
        el('td', { class: 'num', text: qty(l.quantity, l.uom) }))), 'case-lots'));
  }

  function effText(by) {
    const parts = Object.entries(by || {}).map(([uom, e]) =>
      t('recall.eff', qty(e.accounted, uom), qty(e.shipped, uom), e.ratio === null ? '—' : pct.format(e.ratio)));
    return parts.join('; ') || '—';
  }

  function buyers(k) {
    const eff = Object.fromEntries(k.effectiveness.buyers.map(b => [b.party_id, b]));
    const list = k.scope.buyers;
    show('buyers-title', t('recall.buyers', list.length));
    show('buyers', list.length ? table(['recall.col.buyer', 'recall.col.lot', 'recall.col.got', 'recall.col.shipped', 'recall.col.delivered', 'recall.effectiveness'],
      list.flatMap(b => b.lots.map((l, i) => el('tr', { dataset: { buyer: b.party_id, lot: l.code } },
        i === 0 ? el('td', { rowspan: b.lots.length }, el('div', { class: 'strong', text: partyName(b) }),
          el('div', { class: 'muted small', text: t('party.' + b.kind) + ' · ' + (eff[b.party_id] && eff[b.party_id].acknowledged ? t('recall.acked') : t('recall.notAcked')) })) : null,
        el('td', { text: l.code }), el('td', { class: 'num strong', text: qty(l.quantity, l.uom) }),
        el('td', { class: 'num', text: done(l.shipped, l.uom) }), el('td', { class: 'num', text: done(l.delivered, l.uom) }),
        i === 0 ? el('td', { rowspan: b.lots.length, class: 'small', text: effText(eff[b.party_id] && eff[b.party_id].by_uom) }) : null))), 'case-buyers')
      : none('recall.noBuyers'));
    const others = k.scope.other_recipients || [];
    show('others', others.length ? t('recall.others', others.map(partyName).join(', ')) : '');
  }

  function acks(k) {
    const names = Object.fromEntries(k.scope.buyers.map(b => [b.party_id, partyName(b)]));
    const codes = Object.fromEntries(k.scope.lots.map(l => [l.lot_id, l]));
    show('effectiveness', el('div', { id: 'eff-total', class: 'big', text: effText(k.effectiveness.by_uom) }));
    show('acks', k.acknowledgements.length ? table(['recall.col.at', 'recall.col.buyer', 'recall.col.lot', 'recall.col.returned',
      'recall.col.destroyed', 'recall.col.note', 'recall.col.by'], k.acknowledgements.map(a => {
      const lot = a.lot_id ? codes[a.lot_id] : null;
      return el('tr', { class: a.counts ? '' : 'muted', dataset: { ack: a.id } },
        el('td', { class: 'nowrap', text: time(a.acknowledged_at) }), el('td', { text: names[a.party_id] || a.party_id }),
        el('td', { text: lot ? lot.code : '—' }), el('td', { class: 'num', text: lot ? done(a.returned, lot.uom) : '—' }),
        el('td', { class: 'num', text: lot ? done(a.destroyed, lot.uom) : '—' }),
        el('td', {}, a.note || '', a.counts ? null : el('span', { class: 'badge badge-offline', text: t('recall.superseded') })),
        el('td', { class: 'small', text: a.recorded_by }));
    })) : none('recall.noAcks'));
    show('history', el('ul', { class: 'plain' }, k.history.map(h => el('li', { dataset: { status: h.status } },
      el('span', { class: 'rs rs-' + h.status, text: t('rs.' + h.status) }), ' ',
      el('span', { class: 'muted small', text: time(h.at) + ' · ' + h.actor + (h.note ? ' · ' + h.note : '') })))));
    show('notices', k.notices.length ? el('ul', { class: 'plain' }, k.notices.map(n => el('li', { dataset: { notice: n.party_id } },
      el('span', { text: names[n.party_id] || n.party_id }), ' ',
      el('span', { class: 'muted small', text: time(n.created_at) + ' · ' + t('recall.webhooks', n.delivered, n.webhook_deliveries) }))))
      : el('p', { class: 'muted', text: t('recall.noNotices') }));
  }

  function actions(k) {
    const mark = document.getElementById('mark-recalled'), release = document.getElementById('release');
    mark.hidden = k.drill || k.status !== 'open';
    release.hidden = k.status === 'released';
    release.textContent = t(k.drill ? 'recall.endDrill' : 'recall.release');
    document.getElementById('actions-panel').hidden = mark.hidden && release.hidden;
    mark.classList.remove('confirming');
    document.getElementById('action-note').textContent = '';
  }

  function render(k) {
    document.title = t('recall.title') + ' · ' + k.reason + ' · ColdTrace';
    show('reason', k.reason);
    show('status', el('span', { class: 'rs rs-' + k.status, id: 'status-badge', dataset: { status: k.status }, text: t('rs.' + k.status) }));
    show('kind', k.drill ? el('span', { class: 'badge badge-offline', text: t('rk.drill') }) : '');
    show('opened', t('recall.openedBy', k.opened_by, time(k.opened_at)));
    document.getElementById('csv').href = '/api/v1/recalls/' + k.id + '/buyers.csv';
    document.getElementById('audit-pack').href = '/api/v1/recalls/' + k.id + '/audit-pack';
    facts(k); lots(k); buyers(k); acks(k); actions(k);
  }

  async function setStatus(status) {
    const note = document.getElementById('note').value.trim();
    try {
      render(await api('/api/v1/recalls/' + encodeURIComponent(id) + '/status', { json: note ? { status, note } : { status } }));
      document.getElementById('note').value = '';
    } catch (e) {
      if (e.status !== 401) document.getElementById('error').textContent = t('error.generic', e.status + ' ' + e.message);
    }
  }

  // notifying every buyer cannot be undone: the first click asks, the second sends
  document.getElementById('mark-recalled').addEventListener('click', ev => {
    const b = ev.currentTarget;
    if (!b.classList.contains('confirming')) {
      b.classList.add('confirming');
      document.getElementById('action-note').textContent = t('recall.confirmRecalled');
      return;
    }
    setStatus('recalled');
  });
  document.getElementById('release').addEventListener('click', () => setStatus('released'));

  api('/api/v1/recalls/' + encodeURIComponent(id)).then(render)
    .catch(e => { if (e.status !== 401) document.getElementById('error').textContent = t('error.load', e.message); });
})();
