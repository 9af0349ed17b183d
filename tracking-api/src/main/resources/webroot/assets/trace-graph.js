// A lot's trace as an SVG graph (the lot page's "Trace graph"): backward and forward traces of
// GET /api/v1/lots/:id/trace/backward|forward merged around the lot, laid out in columns by depth (sources on the left,
// recipients on the right), quantities on the edges; zoom with the wheel or the buttons, pan by dragging, both by
// changing the SVG's viewBox.
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 200, H = 58, COL = 350, ROW = 90;

  function s(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, v);
    for (const c of children) if (c) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  /**
   * Columns: the root in 0, backward nodes to the left, forward ones to the right, each node one column beyond the
   * farthest node it comes from (or goes to), so every edge points right. Keys are direction-prefixed ("b|…", "f|…"):
   * a party that supplied the lot and bought some of it is drawn on both sides.
   */
  function layers(graph) {
    const col = new Map([[graph.root, 0]]);
    const relax = (edges, step) => {
      for (let pass = 0; pass < graph.nodes.size; pass++) {
        let changed = false;
        for (const e of edges) {
          const [known, other] = step > 0 ? [e.from, e.to] : [e.to, e.from];
          if (!col.has(known) || other === graph.root) continue;
          const v = col.get(known) + step;
          if (!col.has(other) || (step > 0 ? col.get(other) < v : col.get(other) > v)) { col.set(other, v); changed = true; }
        }
        if (!changed) return;
      }
    };
    relax(graph.edges.filter(e => e.dir === 'f'), 1);
    relax(graph.edges.filter(e => e.dir === 'b'), -1);
    return col;
  }

  /** Positions: columns left to right; in each column nodes ordered by the mean row of their neighbours already placed. */
  function layout(graph) {
    const col = layers(graph);
    const byCol = new Map();
    for (const [key, c] of col) { if (!byCol.has(c)) byCol.set(c, []); byCol.get(c).push(key); }
    const cols = [...byCol.keys()].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
    const y = new Map();
    for (const c of cols) {
      const keys = byCol.get(c);
      const near = k => {
        const ys = graph.edges.filter(e => e.from === k || e.to === k).map(e => y.get(e.from === k ? e.to : e.from)).filter(v => v !== undefined);
        return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
      };
      keys.sort((a, b) => near(a) - near(b) || a.localeCompare(b));
      keys.forEach((k, i) => y.set(k, (i - (keys.length - 1) / 2) * ROW));
    }
    const pos = new Map();
    for (const [k, c] of col) pos.set(k, { x: c * COL, y: y.get(k) });
    return pos;
  }

  function draw(root, graph, words) {
    const pos = layout(graph);
    const xs = [...pos.values()].map(p => p.x), ys = [...pos.values()].map(p => p.y);
    const fit = { x: Math.min(...xs) - W / 2 - 40, y: Math.min(...ys) - H / 2 - 40 };
    fit.w = Math.max(...xs) - fit.x + W / 2 + 40;
    fit.h = Math.max(...ys) - fit.y + H / 2 + 40;
    const svg = s('svg', { class: 'trace-svg', role: 'img', 'aria-label': words.label, preserveAspectRatio: 'xMidYMid meet' });
    const defs = s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' })));
    svg.append(defs);
    const edges = s('g', { class: 'edges' }), nodes = s('g', { class: 'nodes' });
    for (const e of graph.edges) {
      const a = pos.get(e.from), b = pos.get(e.to);
      if (!a || !b) continue;
      const x1 = a.x + W / 2, x2 = b.x - W / 2, mx = (x1 + x2) / 2;
      const [qty, how] = words.edge(e);
      const my = (a.y + b.y) / 2;
      // the quantity above the curve's middle, the step under it: both fit the gap between columns
      edges.append(s('g', { class: 'edge edge-' + e.kind, 'data-from': e.from, 'data-to': e.to, 'data-kind': e.kind },
        s('path', { d: `M${x1},${a.y} C${mx},${a.y} ${mx},${b.y} ${x2},${b.y}`, 'marker-end': 'url(#arrow)' }),
        qty ? s('text', { x: mx, y: my - 6, 'text-anchor': 'middle', class: 'qty' }, qty) : null,
        s('text', { x: mx, y: my + 15, 'text-anchor': 'middle', class: 'how' }, how)));
    }
    for (const [key, n] of graph.nodes) {
      const p = pos.get(key);
      if (!p) continue;
      const lines = words.node(n);
      const cls = 'node node-' + n.type + (n.kind ? ' node-' + n.kind : '') + (key === graph.root ? ' node-root' : '') + (n.voided ? ' node-voided' : '');
      const g = s('g', { class: cls, 'data-node': key, transform: `translate(${p.x - W / 2},${p.y - H / 2})` },
        s('title', {}, lines.join('\n')),
        s('rect', { width: W, height: H, rx: 8 }),
        s('text', { x: 10, y: 22, class: 'n1' }, clip(lines[0], 24)),
        s('text', { x: 10, y: 42, class: 'n2' }, clip(lines[1] || '', 30)));
      if (n.lot_id) {
        const a = s('a', { href: '/lots/' + n.lot_id });
        a.append(g);
        nodes.append(a);
      } else nodes.append(g);
    }
    svg.append(edges, nodes);
    root.replaceChildren(svg);
    // as tall as the drawing needs at the page's width, within bounds: no large empty band around a small trace
    root.style.height = Math.round(Math.min(640, Math.max(260, root.clientWidth * fit.h / fit.w))) + 'px';
    return zoomable(svg, fit);
  }

  function clip(text, n) { return text.length > n ? text.slice(0, n - 1) + '…' : text; }

  /** Zoom and pan through the viewBox: wheel zooms about the pointer, drag pans, buttons zoom about the centre. */
  function zoomable(svg, fit) {
    let v = Object.assign({}, fit);
    const set = () => svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map(n => n.toFixed(1)).join(' '));
    const zoom = (f, cx, cy) => {
      const w = Math.min(Math.max(v.w * f, 150), fit.w * 8);
      const k = w / v.w;
      v = { x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k, w, h: v.h * k };
      set();
    };
    const toSvg = (ev) => {
      const r = svg.getBoundingClientRect();
      const scale = Math.max(v.w / r.width, v.h / r.height);
      const ox = v.x + v.w / 2 - r.width * scale / 2, oy = v.y + v.h / 2 - r.height * scale / 2;
      return { x: ox + (ev.clientX - r.left) * scale, y: oy + (ev.clientY - r.top) * scale, scale };
    };
    svg.addEventListener('wheel', ev => {
      ev.preventDefault();
      const p = toSvg(ev);
      zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', ev => {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, v: Object.assign({}, v), scale: toSvg(ev).scale, moved: false };
    });
    window.addEventListener('pointermove', ev => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; svg.classList.add('panning'); }
      v = Object.assign({}, drag.v, { x: drag.v.x - dx * drag.scale, y: drag.v.y - dy * drag.scale });
      set();
    });
    window.addEventListener('pointerup', () => { if (drag) svg.classList.remove('panning'); setTimeout(() => { drag = null; }, 0); });
    // a drag that ends on a lot must not open it
    svg.addEventListener('click', ev => { if (drag && drag.moved) ev.preventDefault(); }, true);
    set();
    return {
      zoomIn: () => zoom(1 / 1.3, v.x + v.w / 2, v.y + v.h / 2),
      zoomOut: () => zoom(1.3, v.x + v.w / 2, v.y + v.h / 2),
      fit: () => { v = Object.assign({}, fit); set(); }
    };
  }

  window.TRACE_GRAPH = { draw, layers };
})();
