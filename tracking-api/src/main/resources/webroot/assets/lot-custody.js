// A lot's cold chain on its page (GET /api/v1/lots/:id/custody): a timeline of its legs and its ancestors' legs,
// coloured by verdict, each leg's temperatures and verdict, and the remaining shelf life.
(function () {
  'use strict';
  const { t, lang } = window.I18N;
  const { api, el, time } = window.CT;
  const id = decodeURIComponent(location.pathname.split('/').pop());
  const zh = lang.startsWith('zh');
  const c = v => v === null || v === undefined ? '—' : v.toFixed(1) + ' °C';
  const pct = v => v === null || v === undefined ? '—' : Math.round(v * 100) + ' %';

  function placeLabel(leg) {
    const p = leg.place;
    const name = p.name || p.id;
    const kind = t('place.' + (p.unit_kind || p.kind));
    return (p.site_name && p.site_name !== name ? p.site_name + ' · ' : '') + name + ' (' + kind + ')';
  }

  function timeline(legs) {
    const from = Math.min(...legs.map(l => Date.parse(l.from)));
    const to = Math.max(...legs.map(l => l.to ? Date.parse(l.to) : Date.now()));
    const span = Math.max(1, to - from);
    return el('div', { class: 'custody-timeline', role: 'img', 'aria-label': t('custody.timeline') },
      legs.map(l => {
        const a = Date.parse(l.from), b = l.to ? Date.parse(l.to) : Date.now();
        return el('span', {
          class: 'leg leg-' + l.verdict.status, title: placeLabel(l) + ': ' + (zh ? l.verdict.zh : l.verdict.en),
          style: 'left:' + ((a - from) / span * 100).toFixed(2) + '%;width:' + Math.max(0.5, (b - a) / span * 100).toFixed(2) + '%'
        });
      }));
  }

  function legRow(l, lotCode) {
    const alarms = l.alarms.length ? el('span', { class: 'badge badge-critical', text: t('custody.alarms', l.alarms.length) }) : null;
    return el('tr', { dataset: { leg: l.place.id, status: l.verdict.status } },
      el('td', {}, placeLabel(l), l.lot_code !== lotCode ? el('div', { class: 'muted small', text: t('custody.as', l.lot_code) }) : null),
      el('td', { class: 'nowrap', text: time(l.from) + ' → ' + (l.to ? time(l.to) : t('custody.now')) }),
      el('td', { class: 'num', text: l.quantity }),
      el('td', {}, el('span', { class: 'verdict verdict-' + l.verdict.status, text: zh ? l.verdict.zh : l.verdict.en }), ' ', alarms),
      el('td', { class: 'num nowrap', text: l.monitored ? c(l.min_c) + ' / ' + c(l.mean_c) + ' / ' + c(l.max_c) : '—' }),
      el('td', { class: 'num', text: l.monitored ? c(l.mkt_c) : '—' }),
      el('td', { class: 'num', text: l.monitored ? Math.round(l.degree_minutes_above) + ' / ' + Math.round(l.degree_minutes_below) : '—' }),
      el('td', { class: 'num', text: pct(l.completeness) }));
  }

  function shelf(s) {
    if (!s) return el('p', { class: 'muted', text: t('custody.noModel') });
    const expiry = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(s.predicted_expiry));
    return el('p', { class: 'shelf-life' },
      el('strong', { text: t('custody.remaining', s.remaining_days.toFixed(1), c(s.planned_c)) }), ' · ',
      t('custody.expiry', expiry), ' · ', t('custody.used', pct(s.used_fraction)),
      s.unmonitored_minutes > 0 ? el('span', { class: 'muted small' }, ' · ' + t('custody.assumed',
        (s.unmonitored_minutes / 60).toFixed(1), c(s.assumed_unmonitored_c))) : null);
  }

  async function render(lot) {
    const body = document.getElementById('custody-body');
    try {
      const k = await api('/api/v1/lots/' + encodeURIComponent(id) + '/custody');
      if (!k.legs.length) { body.replaceChildren(el('p', { class: 'muted', text: t('lot.none') })); return; }
      const band = [k.band.low_c, k.band.high_c].map(v => v === null ? '—' : v + ' °C').join(' … ');
      body.replaceChildren(shelf(k.shelf_life),
        el('p', { class: 'muted small', text: t('custody.band', t('class.' + k.band.temp_class), band) }),
        timeline(k.legs),
        el('table', { class: 'table custody' },
          el('thead', {}, el('tr', {}, ['custody.place', 'custody.when', 'col.quantity', 'custody.verdict', 'custody.minMeanMax',
            'custody.mkt', 'custody.dm', 'custody.completeness'].map(h => el('th', { text: t(h) })))),
          el('tbody', {}, k.legs.map(l => legRow(l, lot.code)))));
    } catch (e) {
      if (e.status !== 401) body.replaceChildren(el('p', { class: 'error', text: t('error.load', e.message) }));
    }
  }

  document.addEventListener('lot:loaded', ev => render(ev.detail.lot));
})();
