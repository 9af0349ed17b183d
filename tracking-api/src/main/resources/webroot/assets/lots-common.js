// Shared by the lot pages: master data for names and choices, quantities, status badges.
(function () {
  'use strict';
  const { t, lang } = window.I18N;
  const { api, el } = window.CT;
  const qty = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });

  /** Units, sites, parties and products of the caller's organisation, loaded once per page. */
  let refs = null;
  function references() {
    if (!refs) {
      const items = url => api(url).then(d => d.items).catch(e => { if (e.status !== 401) throw e; return []; });
      refs = Promise.all([items('/api/v1/units?limit=1000'), items('/api/v1/sites?limit=1000'),
        items('/api/v1/parties?limit=1000'), items('/api/v1/products?limit=1000')])
        .then(([units, sites, parties, products]) => {
          const byId = list => Object.fromEntries(list.map(x => [x.id, x]));
          return { units, sites, parties, products, unit: byId(units), site: byId(sites), party: byId(parties),
            product: byId(products) };
        });
    }
    return refs;
  }

  function name(x) {
    if (!x) return '';
    return (lang === 'zh-CN' ? x.name_zh || x.name_en : x.name_en || x.name_zh) || x.name || x.id;
  }

  function quantity(q, uom) {
    return q === null || q === undefined ? '—' : qty.format(q) + (uom ? ' ' + t('uom.' + uom) : '');
  }

  function statusBadge(status) {
    const cls = { active: 'badge-ok', left: 'badge-offline', voided: 'badge-critical' }[status] || 'badge-offline';
    return el('span', { class: 'badge ' + cls, text: t('status.' + status) });
  }

  /** A place as words: a unit with its site, a site, a plot. */
  function placeName(kind, id, r) {
    if (kind === 'unit' && r.unit[id]) {
      const u = r.unit[id];
      return u.name + (r.site[u.site_id] ? ' · ' + r.site[u.site_id].name : '');
    }
    if (kind === 'site' && r.site[id]) return r.site[id].name;
    return id;
  }

  /**
   * Options of a place select: units grouped by site (value unit:ID) and the sites themselves (site:ID, a dock);
   * {@code units} filters the units (e.g. only truck compartments).
   */
  function placeOptions(select, r, opts) {
    const o = Object.assign({ units: () => true, sites: true, bare: false }, opts || {});
    for (const s of r.sites) {
      const group = el('optgroup', { label: s.name });
      if (o.sites) group.append(el('option', { value: (o.bare ? '' : 'site:') + s.id, text: s.name + ' · ' + t('place.dock') }));
      r.units.filter(u => u.site_id === s.id && o.units(u)).forEach(u =>
        group.append(el('option', { value: (o.bare ? '' : 'unit:') + u.id, text: u.name + ' (' + t('kind.' + u.kind) + ')' })));
      if (group.children.length) select.append(group);
    }
  }

  function partyOptions(select, r, kinds) {
    r.parties.filter(p => !kinds || kinds.includes(p.kind)).forEach(p =>
      select.append(el('option', { value: p.id, text: name(p) + ' (' + t('party.' + p.kind) + ')' })));
  }

  window.LOTS = { references, name, quantity, statusBadge, placeName, placeOptions, partyOptions };
})();
