// Overview: every unit grouped by site, its value against its band, door, last seen and open alarms; kept current
// by the live stream, and marked offline here when its device falls silent (nothing else would tell us).
(function () {
  'use strict';
  const { t, apply } = window.I18N;
  const { api, el, header, temp, ago, live } = window.CT;
  const units = new Map();   // unit id -> unit (as the API gives it, updated by events)
  const STATUSES = ['critical', 'warning', 'offline', 'no_data', 'ok'];

  header('overview');
  apply();
  document.title = t('overview.title') + ' · ColdTrace';

  function bandText(b) {
    const lo = b.low_warn ?? b.low_crit, hi = b.high_warn ?? b.high_crit;
    if (lo == null && hi == null) return t('unit.noBand');
    return (lo == null ? '…' : temp(lo)) + ' – ' + (hi == null ? '…' : temp(hi)) + ' °C';
  }

  function effectiveStatus(u) {
    if (u.status !== 'no_data' && u.last_seen && u.offline_after_s &&
        Date.now() - new Date(u.last_seen).getTime() > u.offline_after_s * 1000) return 'offline';
    return u.status;
  }

  function card(u) {
    const status = effectiveStatus(u);
    const door = u.door_open == null ? t('door.unknown') : t(u.door_open ? 'door.open' : 'door.closed');
    return el('a', { class: 'card status-' + status, href: '/units/' + encodeURIComponent(u.id), dataset: { unit: u.id, status, reading: u.ts || '' } },
      el('div', { class: 'card-head' },
        el('span', { class: 'card-name', title: u.name, text: u.name }),
        el('span', { class: 'badge badge-' + status, text: t('status.' + status) })),
      el('div', { class: 'card-sub', text: t('kind.' + u.kind) + ' · ' + t('tc.' + u.temp_class) + ' · ' + t('probe.' + u.probe) }),
      el('div', { class: 'reading' },
        el('span', { class: 'value', text: temp(u.value) }), el('span', { class: 'deg', text: '°C' })),
      el('div', { class: 'band', title: t('unit.band') }, t('unit.band') + ': ' + bandText(u.band)),
      el('dl', { class: 'facts' },
        el('dt', { text: t('unit.door') }), el('dd', { class: 'door' + (u.door_open ? ' door-open' : ''), text: door }),
        u.defrost ? [el('dt', { text: t('unit.defrost') }), el('dd', { class: 'defrost', text: '●' })] : null,
        el('dt', { text: t('unit.lastSeen') }), el('dd', { class: 'last-seen', 'data-ts': u.last_seen || '', text: ago(u.last_seen) }),
        el('dt', { text: t('unit.alarms') }),
        el('dd', { class: 'alarms' + (u.open_alarms > 0 ? ' has-alarms' : ''), text: String(u.open_alarms) })));
  }

  function render(data) {
    const root = document.getElementById('sites');
    root.replaceChildren();
    units.clear();
    if (!data.sites.length) root.append(el('p', { class: 'empty', text: t('overview.empty') }));
    for (const s of data.sites) {
      const grid = el('div', { class: 'grid' });
      for (const u of s.units) {
        units.set(u.id, u);
        grid.append(card(u));
      }
      root.append(el('section', { class: 'site', dataset: { site: s.id } },
        el('h2', {}, s.name, ' ', el('small', { text: t('site.' + s.kind) })), grid));
    }
    summary();
  }

  function summary() {
    const counts = {};
    for (const u of units.values()) {
      const s = effectiveStatus(u);
      counts[s] = (counts[s] || 0) + 1;
    }
    document.getElementById('summary').replaceChildren(...STATUSES.filter(s => counts[s]).map(s =>
      el('span', { class: 'pill badge-' + s }, t('status.' + s) + ' ', el('b', { text: String(counts[s]) }))));
  }

  function update(u) {
    const old = document.querySelector('[data-unit="' + CSS.escape(u.id) + '"]');
    if (!old) return;
    const fresh = card(u);
    fresh.classList.add('flash');
    old.replaceWith(fresh);
    summary();
  }

  let reloading = null;
  async function load() {
    try {
      render(await api('/api/v1/overview'));
      document.getElementById('error').textContent = '';
    } catch (e) {
      if (e.status !== 401) document.getElementById('error').textContent = t('error.load', e.message);
    }
  }

  load().then(() => live({
    unit: d => {
      const u = units.get(d.unit_id);
      if (!u) return;
      Object.assign(u, d);
      update(u);
    },
    // an alarm changes a unit's open-alarm count: reload, at most once a second
    alarm: () => { if (!reloading) reloading = setTimeout(() => { reloading = null; load(); }, 1000); }
  }));

  // relative times and "offline" move on by themselves
  setInterval(() => {
    for (const u of units.values()) {
      const node = document.querySelector('[data-unit="' + CSS.escape(u.id) + '"]');
      if (!node) continue;
      if (node.dataset.status !== effectiveStatus(u)) update(u);
      else node.querySelector('.last-seen').textContent = ago(u.last_seen);
    }
  }, 5000);
})();
