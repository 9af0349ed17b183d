// A lot's trace page for QA (/lots/:id/trace): mass balance (GET /api/v1/lots/:id/mass-balance), the backward and
// forward traces drawn as one graph (trace-graph.js) and listed hop by hop.
(function () {
  'use strict';
  const { t, lang, apply } = window.I18N;
  const { api, el, header, time } = window.CT;
  const id = decodeURIComponent(location.pathname.split('/')[2]);
  const zh = lang.startsWith('zh');
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });

  header('lots');
  apply();
  document.getElementById('zoom-in').title = t('trace.zoomIn');
  document.getElementById('zoom-out').title = t('trace.zoomOut');
  const show = (elId, ...c) => document.getElementById(elId).replaceChildren(...c);
  const qty = (q, uom) => q === null || q === undefined ? '—' : num.format(q) + ' ' + t('uom.' + uom);
  const partyName = n => (zh ? n.name_zh || n.name_en : n.name_en || n.name_zh) || n.party_id;

  function nodeWords(n) {
    if (n.type === 'lot') {
      const product = n.product ? (zh ? n.product.name_zh : n.product.name_en) : [n.commodity, n.variety].filter(Boolean).join(' ');
      return [n.code + (n.voided ? ' (' + t('node.voided') + ')' : ''),
        t('kind.' + n.kind) + ' · ' + (product || '') + ' · ' + qty(n.quantity, n.uom)];
    }
    if (n.type === 'plot') return [n.name || n.plot_id, t('node.plot') + ' · ' + n.plot_id];
    return [partyName(n), t('party.' + n.kind) + (n.division_code ? ' · ' + n.division_code : '')];
  }

  function step(e) {
    const how = e.transform_kind || (e.event_type === 'pack' ? 'pack' : null);
    return t('edge.' + e.kind) + (how ? ' (' + t('tk.' + how) + ')' : '');
  }

  /** Both traces as one graph: the root shared, every other node keyed by its direction. */
  function merge(back, fwd) {
    const root = back ? back.root : fwd.root;
    const nodes = new Map(), edges = [];
    const key = (dir, nodeId) => nodeId === root ? root : dir + '|' + nodeId;
    for (const [dir, g] of [['b', back], ['f', fwd]]) {
      if (!g) continue;
      g.nodes.forEach(n => nodes.set(key(dir, n.id), n));
      g.edges.forEach(e => edges.push(Object.assign({}, e, { dir, from: key(dir, e.from), to: key(dir, e.to), raw: e })));
    }
    return { root, nodes, edges };
  }

  function balance(b) {
    const row = (k, v, cls) => el('div', { class: 'mb-term' + (cls ? ' ' + cls : ''), dataset: { term: k } },
      el('div', { class: 'muted small', text: t('mb.' + k) }), el('div', { class: 'mb-value num', text: qty(v, b.uom) }));
    show('balance-body', el('div', { class: 'mb' },
      row('produced', b.produced), el('span', { class: 'mb-op', text: '=' }),
      row('delivered', b.delivered), el('span', { class: 'mb-op', text: '+' }),
      row('transformed', b.transformed), el('span', { class: 'mb-op', text: '+' }),
      row('lost', b.lost), el('span', { class: 'mb-op', text: '+' }),
      row('onHand', b.on_hand),
      el('div', { class: 'mb-verdict' },
        el('span', { id: 'mb-verdict', class: 'badge ' + (b.balanced ? 'badge-ok' : 'badge-critical'), text: t(b.balanced ? 'mb.balanced' : 'mb.unbalanced') }),
        el('div', { class: 'small' }, t('mb.difference') + ' ', el('span', { class: 'num', text: qty(b.difference, b.uom) }),
          el('span', { class: 'muted', text: ' · ' + t('mb.tolerance', num.format(b.tolerance)) })))));
  }

  function hops(graph) {
    const name = k => nodeWords(graph.nodes.get(k) || { type: 'party', party_id: k })[0];
    // upstream first: sources, then the lot, then where it went, as the graph reads left to right
    const col = window.TRACE_GRAPH.layers(graph);
    const ordered = graph.edges.slice().sort((a, b) => col.get(a.from) - col.get(b.from));
    const rows = ordered.map(e => el('tr', { dataset: { dir: e.dir, kind: e.kind } },
      el('td', {}, el('span', { class: 'dir dir-' + e.dir, text: t(e.dir === 'b' ? 'trace.backward' : 'trace.forward') })),
      el('td', { text: name(e.from) }), el('td', { text: name(e.to) }), el('td', { text: step(e) }),
      el('td', { class: 'num', text: qty(e.quantity, e.uom) + (e.rejected ? ' (−' + qty(e.rejected, e.uom) + ')' : '') }),
      el('td', { class: 'nowrap', text: e.at ? time(e.at) : '—' })));
    show('hops', rows.length ? el('table', { class: 'table hops' },
      el('thead', {}, el('tr', {}, ['trace.col.dir', 'trace.col.from', 'trace.col.to', 'trace.col.step', 'trace.col.quantity', 'trace.col.at']
        .map(k => el('th', { text: t(k) })))), el('tbody', {}, rows)) : el('p', { class: 'empty', text: t('trace.noHops') }));
  }

  function failure(r) {
    const e = r.reason || {};
    return e.status === 422 ? t('trace.overLimit', e.message) : t('error.load', (e.status || '') + ' ' + (e.message || ''));
  }

  async function load() {
    const base = '/api/v1/lots/' + encodeURIComponent(id);
    const [back, fwd, mb] = await Promise.allSettled([api(base + '/trace/backward'), api(base + '/trace/forward'), api(base + '/mass-balance')]);
    const errors = [back, fwd, mb].filter(r => r.status === 'rejected' && r.reason.status !== 401).map(failure);
    show('error', [...new Set(errors)].join(' '));
    if (mb.status === 'fulfilled') {
      const b = mb.value;
      document.title = t('trace.title', b.code) + ' · ColdTrace';
      show('title', t('trace.title', b.code));
      const backLink = document.getElementById('back');
      backLink.href = '/lots/' + b.lot_id;
      backLink.textContent = t('trace.back', b.code);
      balance(b);
    }
    if (back.status !== 'fulfilled' && fwd.status !== 'fulfilled') return;
    const graph = merge(back.value, fwd.value);
    const count = type => [...graph.nodes.values()].filter(n => n.type === type).length;
    show('counts', t('trace.nodes', count('lot'), count('plot'), count('party')));
    const view = window.TRACE_GRAPH.draw(document.getElementById('graph'), graph, {
      label: t('trace.graph'),
      node: nodeWords,
      edge: e => [e.quantity === null || e.quantity === undefined ? '' : qty(e.quantity, e.uom), step(e)]
    });
    document.getElementById('zoom-in').onclick = view.zoomIn;
    document.getElementById('zoom-out').onclick = view.zoomOut;
    document.getElementById('zoom-fit').onclick = view.fit;
    hops(graph);
  }

  load().catch(e => { if (e.status !== 401) show('error', t('error.load', e.message)); });
})();
