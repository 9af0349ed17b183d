// A lot's page: where it is now, origin, certifications, the cold chain (custody feature), its events with
// corrections marked, genealogy and hand-overs. The forms that record steps are in lot-actions.js.
(function () {
  'use strict';
  const { t, apply, lang } = window.I18N;
  const { api, el, header, time, temp } = window.CT;
  const { references, name, quantity, statusBadge, placeName } = window.LOTS;
  const id = decodeURIComponent(location.pathname.split('/').pop());

  header('lots');
  const liveBadge = document.getElementById('live');
  if (liveBadge) liveBadge.remove();
  apply();

  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const show = (node, ...children) => document.getElementById(node).replaceChildren(...children);
  const none = () => el('p', { class: 'muted', text: t('lot.none') });

  function where(e, r) {
    if (e.unit_id) return placeName('unit', e.unit_id, r);
    if (e.site_id) return placeName('site', e.site_id, r);
    if (e.plot_id) return e.plot_id;
    return '—';
  }

  function items(list, uom) {
    return (list || []).map(i => i.lot + ' ' + quantity(i.quantity, i.uom || uom)).join(', ');
  }

  function partyName(pid, r) {
    return pid ? name(r.party[pid]) || pid : '';
  }

  /** What an event did, in a line: quantities, from → to, the handover check, documents. */
  function details(e, r) {
    const b = e.body || {};
    const out = [];
    switch (e.type) {
      case 'harvest': out.push(b.batch + ' ' + quantity(b.quantity, b.uom) + (b.grower ? ' · ' + t('lot.grower', b.grower.name) : '')); break;
      case 'pack': case 'transform': out.push(items(b.inputs) + ' → ' + items(b.outputs)); break;
      case 'correction': out.push(t('corr.' + b.action) + ': ' + (e.correction_reason || '')); break;
      default: out.push(items(b.lots));
    }
    if (b.to_party_id) out.push(t('lot.to', partyName(b.to_party_id, r)));
    if (b.acceptance) out.push(t('acc.' + b.acceptance));
    if (b.handover_temp_c !== undefined) out.push(t('lot.handoverTemp', temp(b.handover_temp_c)));
    if (b.reason) out.push(t('loss.' + b.reason));
    (b.documents || []).forEach(d => out.push(t('doc.' + d.type) + ' ' + d.id));
    return out.filter(Boolean).join(' · ');
  }

  function eventRow(e, r, byId) {
    const corrected = e.corrected_by ? el('div', { class: 'corrected-note' }, t('lot.correctedBy') + ' ',
      el('a', { href: '#ev-' + e.corrected_by, text: byId[e.corrected_by] ? time(byId[e.corrected_by].event_time) : e.corrected_by.slice(0, 8) })) : null;
    const corrects = e.corrects_event_id ? el('div', { class: 'muted small' }, t('lot.corrects') + ' ',
      el('a', { href: '#ev-' + e.corrects_event_id, text: byId[e.corrects_event_id] ? t('ev.' + byId[e.corrects_event_id].type) : e.corrects_event_id.slice(0, 8) })) : null;
    return el('tr', { id: 'ev-' + e.id, class: e.corrected_by ? 'corrected' : null, dataset: { type: e.type, event: e.id } },
      el('td', { class: 'nowrap', text: time(e.event_time) }),
      el('td', {}, el('span', { class: 'step step-' + e.type, text: t('ev.' + e.type) }), corrected, corrects),
      el('td', { text: where(e, r) }),
      el('td', { text: partyName(e.party_id, r) || '—' }),
      el('td', { class: 'event-details', text: details(e, r) }),
      el('td', { class: 'small' }, e.recorded_by, e.late_recorded ? el('div', { class: 'badge badge-warning', text: t('lot.late') }) : null));
  }

  function table(head, rows) {
    return el('table', { class: 'table' }, el('thead', {}, el('tr', {}, head.map(k => el('th', { text: t(k) })))),
      el('tbody', {}, rows));
  }

  function render(lot, r) {
    document.title = lot.code + ' · ColdTrace';
    show('lot-code', lot.code);
    show('lot-status', statusBadge(lot.status));
    const product = lot.product ? name(lot.product) : lot.commodity;
    show('lot-sub', t('kind.' + lot.kind) + ' · ' + product + ' · ' + t('lot.born', quantity(lot.quantity, lot.uom), time(lot.born_at)));
    show('lot-trace', lot.trace_code || '—');
    const labels = document.getElementById('labels');
    if (lot.labels_url) { labels.href = lot.labels_url; labels.hidden = false; }
    // the trace page and the audit pack are QA's, like their routes
    window.CT.me().then(u => {
      const trace = document.getElementById('trace-link'), pack = document.getElementById('audit-pack');
      trace.href = '/lots/' + lot.id + '/trace';
      pack.href = '/api/v1/lots/' + encodeURIComponent(lot.id) + '/audit-pack';
      trace.hidden = pack.hidden = !window.CT.isQa(u);
    });
    show('on-hand', el('span', { class: 'value', text: quantity(lot.on_hand, lot.uom) }), el('span', { class: 'muted', text: ' ' + t('lot.onHand') }));
    show('places', lot.places.length ? el('ul', { class: 'plain' }, lot.places.map(p => el('li', { dataset: { place: p.id } },
      el('span', { text: placeName(p.kind, p.id, r) }), el('span', { class: 'num', text: quantity(p.quantity, lot.uom) }))))
      : el('p', { class: 'muted', text: t('lot.nowhere') }));
    show('origins', ...(lot.origins.length ? lot.origins.map(o => el('div', { class: 'origin' },
      el('div', { class: 'strong', text: name(o.party) }),
      el('div', { text: [o.party.province, o.party.city, o.party.county].filter(Boolean).join(' ') + ' · ' + o.party.division_code }),
      o.party.poverty_alleviated_county ? el('span', { class: 'badge badge-ok', text: t('lot.assisted') }) : null,
      el('div', { class: 'muted small', text: t('lot.batch', o.batch.code, o.plot ? o.plot.name : '—', time(o.batch.harvested_at)) })))
      : [none()]));
    show('certifications', lot.certifications.length ? el('ul', { class: 'plain certs' }, lot.certifications.map(c => el('li', { dataset: { cert: c.id, status: c.status } },
      el('div', {}, el('span', { class: 'strong', text: t('cert.' + c.kind) }), ' ',
        el('span', { class: 'badge ' + (c.status === 'valid' ? 'badge-ok' : 'badge-critical'), text: t('cert.status.' + c.status) })),
      el('div', { class: 'muted small', text: (c.product_id ? name(r.product[c.product_id]) : partyName(c.party_id, r)) + ' · ' + c.number + ' · ' + c.issuer }),
      el('div', { class: 'muted small', text: date.format(new Date(c.valid_from)) + ' – ' + date.format(new Date(c.valid_to)) })))) : none());
    const byId = Object.fromEntries(lot.events.map(e => [e.id, e]));
    show('events', lot.events.length ? table(['col.time', 'col.step', 'col.where', 'col.party', 'col.details', 'col.recordedBy'],
      lot.events.map(e => eventRow(e, r, byId))) : none());
    const link = l => el('li', {}, el('a', { href: '/lots/' + l.id, text: l.code }), ' ',
      el('span', { class: 'muted', text: quantity(l.quantity, l.uom) + ' · ' + t('ev.' + l.event_type) + ' · ' + time(l.at) }));
    show('genealogy',
      el('h3', { text: t('lot.parents') }), lot.parents.length ? el('ul', { class: 'plain links' }, lot.parents.map(link)) : none(),
      el('h3', { text: t('lot.children') }), lot.children.length ? el('ul', { class: 'plain links' }, lot.children.map(link)) : none());
    const check = h => h.kind !== 'receive' ? '' : t('acc.' + h.acceptance) + ' · ' + temp(h.handover_temp_c) + ' °C'
      + (h.rejected ? ' · ' + t('lot.rejected', quantity(h.rejected, lot.uom)) : '');
    show('handovers', lot.handovers.length ? table(['col.step', 'col.time', 'col.party', 'col.quantity', 'col.check'],
      lot.handovers.map(h => el('tr', { dataset: { handover: h.kind } },
        el('td', { text: t('ev.' + h.kind) }), el('td', { class: 'nowrap', text: time(h.at) }),
        el('td', { text: h.party ? name(h.party) : '—' }), el('td', { class: 'num', text: quantity(h.quantity, lot.uom) }),
        el('td', { text: check(h) })))) : none());
  }

  /**
   * The cold chain per leg comes from the custody feature (GET /api/v1/lots/:id/custody); until it is wired in here,
   * the section shows "—".
   */
  async function load() {
    try {
      const [lot, r] = await Promise.all([api('/api/v1/lots/' + encodeURIComponent(id)), references()]);
      render(lot, r);
      document.dispatchEvent(new CustomEvent('lot:loaded', { detail: { lot, references: r } }));
    } catch (e) {
      if (e.status !== 401) show('error', t('error.load', e.message));
    }
  }

  window.LOT = { load };
  load();
})();
