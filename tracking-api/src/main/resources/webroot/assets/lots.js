// Lots list: the filter form is a plain GET form (its URL is the filter); the rows come from GET /api/v1/lots.
(function () {
  'use strict';
  const { t, apply } = window.I18N;
  const { api, el, header, time } = window.CT;
  const { references, name, quantity, statusBadge } = window.LOTS;

  header('lots');
  const liveBadge = document.getElementById('live');
  if (liveBadge) liveBadge.remove();  // nothing on this page is live
  apply();
  document.title = t('lots.title') + ' · ColdTrace';

  const params = new URLSearchParams(location.search);
  const form = document.getElementById('filters');

  function restore() {
    for (const [k, v] of params) if (form.elements[k]) form.elements[k].value = v;
  }

  // empty filters are left out of the URL (and of the API call: an empty value is a bad parameter there)
  form.addEventListener('submit', () => {
    for (const input of form.elements) if (input.name && input.value === '') input.disabled = true;
  });

  function row(l, r) {
    const places = l.places.length
      ? l.places.map(p => el('div', { class: 'place-line' }, (p.name || p.id) + (p.site_name && p.kind === 'unit' ? ' · ' + p.site_name : ''),
          el('span', { class: 'muted', text: ' ' + quantity(p.quantity, l.uom) })))
      : el('span', { class: 'muted', text: '—' });
    return el('tr', { dataset: { lot: l.code, status: l.status } },
      el('td', {}, el('a', { href: '/lots/' + l.id, class: 'lot-code', text: l.code })),
      el('td', { class: 'mono small', text: l.trace_code || '—' }),
      el('td', { text: l.product ? name(l.product) : l.commodity }),
      el('td', { class: 'num', text: quantity(l.quantity, l.uom) }),
      el('td', { class: 'num on-hand', text: quantity(l.on_hand, l.uom) }),
      el('td', {}, statusBadge(l.status)),
      el('td', { class: 'nowrap', text: time(l.born_at) }),
      el('td', {}, places));
  }

  async function load() {
    const query = new URLSearchParams();
    for (const [k, v] of params) if (v !== '') query.set(k, v);
    try {
      const [d, r] = await Promise.all([api('/api/v1/lots?' + query), references()]);
      const root = document.getElementById('lots');
      if (!d.items.length) { root.replaceChildren(el('p', { class: 'empty', text: t('lots.empty') })); return; }
      const head = ['col.code', 'col.trace', 'col.product', 'col.born', 'col.onHand', 'col.status', 'col.bornAt', 'col.places'];
      root.replaceChildren(el('table', { class: 'table lots' },
        el('thead', {}, el('tr', {}, head.map(k => el('th', { text: t(k) })))),
        el('tbody', {}, d.items.map(l => row(l, r)))));
      const next = document.getElementById('next');
      if (d.next_cursor) {
        const after = new URLSearchParams(query);
        after.set('cursor', d.next_cursor);
        next.href = '/lots?' + after;
        next.hidden = false;
      }
    } catch (e) {
      if (e.status !== 401) document.getElementById('error').textContent = t('error.load', e.message);
    }
  }

  references().then(r => {
    r.products.forEach(p => form.elements.product_id.append(el('option', { value: p.id, text: name(p) })));
    window.LOTS.placeOptions(form.elements.place, r, { bare: true });
    restore();
  }).catch(() => {});
  restore();
  load();
})();
