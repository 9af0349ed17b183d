// The unit history chart (uPlot): min–max envelope and average, the profile's limits, door and defrost markers
// along the top, alarm spans shaded behind. Drag to zoom, double-click to reset (uPlot's own cursor).
(function () {
  'use strict';
  const { t } = window.I18N;
  const COLORS = {
    avg: '#1d4ed8', env: 'rgba(29, 78, 216, 0.15)', warn: '#d97706', crit: '#dc2626', ok: 'rgba(22, 163, 74, 0.07)',
    door: '#ea580c', defrost: '#0891b2', alarmWarn: 'rgba(217, 119, 6, 0.12)', alarmCrit: 'rgba(220, 38, 38, 0.14)'
  };

  function sec(iso) { return new Date(iso).getTime() / 1000; }
  function on(v) { return v === true || (typeof v === 'number' && v > 0); }

  /** Horizontal limit lines and the shaded "inside the warning band" area. */
  function drawBand(u, band) {
    const ctx = u.ctx, { left, top, width, height } = u.bbox;
    const y = v => u.valToPos(v, 'y', true);
    ctx.save();
    ctx.beginPath(); ctx.rect(left, top, width, height); ctx.clip();
    if (band.low_warn != null && band.high_warn != null) {
      ctx.fillStyle = COLORS.ok;
      ctx.fillRect(left, y(band.high_warn), width, y(band.low_warn) - y(band.high_warn));
    }
    const lines = [[band.high_crit, COLORS.crit], [band.low_crit, COLORS.crit], [band.high_warn, COLORS.warn], [band.low_warn, COLORS.warn]];
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    for (const [v, c] of lines) {
      if (v == null) continue;
      ctx.strokeStyle = c;
      ctx.beginPath(); ctx.moveTo(left, y(v)); ctx.lineTo(left + width, y(v)); ctx.stroke();
    }
    ctx.restore();
  }

  /** Alarm spans behind the data. */
  function drawAlarms(u, alarms, to) {
    const ctx = u.ctx, { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath(); ctx.rect(left, top, width, height); ctx.clip();
    for (const a of alarms) {
      const x0 = u.valToPos(sec(a.started_at), 'x', true);
      const x1 = u.valToPos(a.cleared_at ? sec(a.cleared_at) : to, 'x', true);
      ctx.fillStyle = a.severity === 'critical' ? COLORS.alarmCrit : COLORS.alarmWarn;
      ctx.fillRect(x0, top, Math.max(x1 - x0, 2), height);
    }
    ctx.restore();
  }

  /** Door-open and defrost markers: two thin strips along the top of the plot. */
  function drawMarkers(u, xs, doors, defrosts) {
    const ctx = u.ctx, { left, top, width } = u.bbox;
    const h = 5 * devicePixelRatio;
    ctx.save();
    ctx.beginPath(); ctx.rect(left, top, width, 3 * h); ctx.clip();
    const step = xs.length > 1 ? (xs[xs.length - 1] - xs[0]) / (xs.length - 1) : 60;
    [[doors, COLORS.door, 0], [defrosts, COLORS.defrost, h + 2]].forEach(([flags, color, dy]) => {
      ctx.fillStyle = color;
      for (let i = 0; i < xs.length; i++) {
        if (!flags[i]) continue;
        const x0 = u.valToPos(xs[i], 'x', true), x1 = u.valToPos(xs[i] + step, 'x', true);
        ctx.fillRect(x0, top + dy, Math.max(x1 - x0, 2), h);
      }
    });
    ctx.restore();
  }

  /**
   * Draws the chart into container; onZoom(fromSec, toSec) is called when the user zooms (null, null on reset).
   * Returns the uPlot instance.
   */
  function render(container, data, from, to, onZoom) {
    const pts = data.points || [];
    const xs = pts.map(p => sec(p.ts));
    const series = [xs, pts.map(p => p.min), pts.map(p => p.max), pts.map(p => p.avg)];
    const doors = pts.map(p => on(p.door_open)), defrosts = pts.map(p => on(p.defrost));
    const band = data.band || {};
    const limits = [band.low_crit, band.low_warn, band.high_warn, band.high_crit].filter(v => v != null);
    const width = Math.max(container.clientWidth, 320);
    const opts = {
      width, height: 360,
      scales: {
        x: { time: true, min: from, max: to },
        y: {
          range: (u, lo, hi) => {
            const all = limits.concat([lo, hi]).filter(v => v != null && isFinite(v));
            const min = Math.min(...all), max = Math.max(...all), pad = Math.max((max - min) * 0.1, 1);
            return [Math.floor(min - pad), Math.ceil(max + pad)];
          }
        }
      },
      axes: [{}, { label: '°C', values: (u, vals) => vals.map(v => v.toFixed(1)) }],
      series: [
        {},
        { label: t('history.min'), stroke: 'rgba(29, 78, 216, 0.45)', width: 1, value: (u, v) => v == null ? '—' : v.toFixed(1) },
        { label: t('history.max'), stroke: 'rgba(29, 78, 216, 0.45)', width: 1, value: (u, v) => v == null ? '—' : v.toFixed(1) },
        { label: t('history.avg'), stroke: COLORS.avg, width: 2, value: (u, v) => v == null ? '—' : v.toFixed(1) }
      ],
      bands: [{ series: [2, 1], fill: COLORS.env }],
      cursor: { drag: { x: true, y: false, setScale: false } },
      legend: { show: true },
      hooks: {
        drawClear: [u => { drawAlarms(u, data.alarms || [], to); drawBand(u, band); }],
        draw: [u => drawMarkers(u, xs, doors, defrosts)],
        setSelect: [u => {
          if (u.select.width > 0) {
            onZoom(u.posToVal(u.select.left, 'x'), u.posToVal(u.select.left + u.select.width, 'x'));
          }
        }]
      }
    };
    container.replaceChildren();
    const plot = new uPlot(opts, series, container);
    plot.over.addEventListener('dblclick', () => onZoom(null, null));
    return plot;
  }

  window.CHART = { render, COLORS };
})();
