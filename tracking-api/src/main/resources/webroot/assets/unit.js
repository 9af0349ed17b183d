// Unit page: history of one unit over a chosen range (1 h … 30 d), zoomable, with a CSV export of what is shown.
(function () {
  'use strict';
  const { t, apply } = window.I18N;
  const { api, el, header, temp, time, ago, live } = window.CT;
  const RANGES = { '1h': 3600, '6h': 6 * 3600, '24h': 86400, '7d': 7 * 86400, '30d': 30 * 86400 };
  const unitId = decodeURIComponent(location.pathname.split('/').pop());
  const state = { range: new URLSearchParams(location.search).get('range') || '24h', from: null, to: null };
  if (!RANGES[state.range]) state.range = '24h';
  let plot = null, lastData = null;

  header('overview');
  apply();

  function iso(sec) { return new Date(sec * 1000).toISOString(); }

  function url(format) {
    const q = new URLSearchParams({ from: iso(state.from), to: iso(state.to) });
    if (format) q.set('format', format);
    return '/api/v1/units/' + encodeURIComponent(unitId) + '/history?' + q;
  }

  function setRange(key) {
    state.range = key;
    state.to = Math.floor(Date.now() / 1000);
    state.from = state.to - RANGES[key];
    document.querySelectorAll('#ranges button').forEach(b => b.classList.toggle('active', b.dataset.range === key));
    load();
  }

  function bandText(b) {
    const parts = [];
    if (b.low_crit != null || b.high_crit != null) parts.push(t('history.critBand') + ' ' + temp(b.low_crit) + ' / ' + temp(b.high_crit));
    if (b.low_warn != null || b.high_warn != null) parts.push(t('history.warnBand') + ' ' + temp(b.low_warn) + ' / ' + temp(b.high_warn));
    return parts.length ? parts.join(' · ') + ' °C' : t('unit.noBand');
  }

  function heading(d) {
    const u = d.unit || {};
    document.getElementById('unit-name').textContent = u.name || unitId;
    document.title = (u.name || unitId) + ' · ColdTrace';
    const sub = [u.site_name, u.kind && t('kind.' + u.kind), d.probe && t('unit.probe') + ': ' + t('probe.' + d.probe)]
      .filter(Boolean).join(' · ');
    document.getElementById('unit-sub').textContent = sub;
    document.getElementById('unit-band').textContent = bandText(d.band || {});
  }

  /** The current reading, top right: from the overview once, then from the live stream. */
  function showNow(u) {
    if (!u) return;
    document.getElementById('unit-now-value').replaceChildren(
      el('span', { class: 'badge badge-' + u.status, text: t('status.' + u.status) }),
      el('span', { class: 'value status-' + u.status, text: temp(u.value) }), el('span', { class: 'deg', text: '°C' }));
    document.getElementById('unit-now-seen').textContent = t('unit.lastSeen') + ': ' + ago(u.last_seen);
  }

  async function loadNow() {
    try {
      const o = await api('/api/v1/overview');
      for (const s of o.sites) for (const u of s.units) if (u.id === unitId) showNow(u);
    } catch (e) { /* the chart still works; the header stays empty */ }
  }

  function legendExtras() {
    const c = window.CHART.COLORS;
    const key = (color, label, cls) => el('span', { class: 'key' }, el('i', { class: cls || 'swatch', style: 'background:' + color }), label);
    document.getElementById('legend').replaceChildren(
      key(c.warn, t('history.warnBand'), 'swatch line'), key(c.crit, t('history.critBand'), 'swatch line'),
      key(c.door, t('history.door')), key(c.defrost, t('history.defrost')), key(c.alarmCrit, t('history.alarm')));
  }

  function alarmTable(alarms) {
    const root = document.getElementById('unit-alarms');
    if (!alarms.length) { root.replaceChildren(el('p', { class: 'muted', text: t('history.noAlarms') })); return; }
    root.replaceChildren(el('table', { class: 'table' },
      el('thead', {}, el('tr', {}, ['col.severity', 'col.rule', 'col.started', 'col.cleared', 'col.state'].map(k => el('th', { text: t(k) })))),
      el('tbody', {}, alarms.map(a => el('tr', {},
        el('td', {}, el('span', { class: 'badge badge-' + a.severity, text: t('sev.' + a.severity) })),
        el('td', { text: t('rule.' + a.rule) }),
        el('td', { text: time(a.started_at) }),
        el('td', { text: a.cleared_at ? time(a.cleared_at) : t('still.active') }),
        el('td', {}, el('span', { class: 'state state-' + a.state, text: t('state.' + a.state) })))))));
  }

  async function load() {
    document.getElementById('csv').href = url('csv');
    try {
      const d = await api(url());
      lastData = d;
      document.getElementById('error').textContent = '';
      heading(d);
      draw();
      document.getElementById('resolution').textContent = t('history.resolution', d.resolution);
      alarmTable(d.alarms || []);
    } catch (e) {
      if (e.status !== 401) document.getElementById('error').textContent = t('error.load', e.message);
    }
  }

  function draw() {
    if (!lastData) return;
    const box = document.getElementById('chart');
    if (plot) plot.destroy();
    plot = window.CHART.render(box, lastData, state.from, state.to, (from, to) => {
      if (from == null) { setRange(state.range); return; }
      state.from = Math.floor(from);
      state.to = Math.ceil(to);
      load();
    });
    if (!(lastData.points || []).length) box.append(el('div', { class: 'chart-empty', text: t('history.empty') }));
  }

  document.querySelectorAll('#ranges button').forEach(b => b.addEventListener('click', () => setRange(b.dataset.range)));
  window.addEventListener('resize', () => { if (plot) plot.setSize({ width: document.getElementById('chart').clientWidth, height: 360 }); });
  legendExtras();
  setRange(state.range);
  loadNow().then(() => live({ unit: d => { if (d.unit_id === unitId) showNow(d); } }));
})();
