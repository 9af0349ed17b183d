// Shared by the signed-in pages: API calls with the session cookie, the header, formatting, the live stream.
(function () {
  'use strict';
  const { t, lang } = window.I18N;

  function toLogin() {
    location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
  }

  /** fetch with the session cookie; resolves to parsed JSON, rejects with {status, message, field}. */
  async function api(url, options) {
    const opts = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    if (opts.json !== undefined) {
      opts.method = opts.method || 'POST';
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    const r = await fetch(url, opts);
    if (r.status === 401) {
      toLogin();
      throw { status: 401, message: 'signed out' };
    }
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw { status: r.status, message: body.message || r.statusText, field: body.field };
    return body;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function header(active) {
    const nav = el('nav', { class: 'nav' },
      el('a', { href: '/overview', class: active === 'overview' ? 'active' : null, text: t('nav.overview') }),
      el('a', { href: '/alarms', class: active === 'alarms' ? 'active' : null, text: t('nav.alarms') }),
      el('a', { href: '/lots', class: active === 'lots' ? 'active' : null, text: t('nav.lots') }),
      el('a', { href: '/stock', class: active === 'stock' ? 'active' : null, text: t('nav.stock') }));
    const tools = el('div', { class: 'tools' },
      el('span', { id: 'live', class: 'live off', title: '', hidden: true }, el('span', { class: 'dot' }), el('span', { class: 'live-text', text: t('live.off') })),
      el('button', { type: 'button', class: 'link', id: 'lang-switch', onclick: () => window.I18N.toggle(), text: t('nav.lang') }),
      el('button', { type: 'button', class: 'link', id: 'sign-out', onclick: signOut, text: t('nav.signout') }));
    const h = el('header', { class: 'top' }, el('a', { class: 'brand', href: '/overview' },
      el('span', { class: 'logo', 'aria-hidden': 'true', text: '❄' }), t('app.name')), nav, tools);
    document.body.prepend(h);
    // QA's pages are listed for those the QA routes let through (qa and admin)
    me().then(u => {
      if (!isQa(u)) return;
      nav.append(el('a', { href: '/recalls', id: 'nav-recalls', class: active === 'recalls' ? 'active' : null, text: t('nav.recalls') }));
    });
  }

  let who = null;
  /** The signed-in user {name, role, org_id} (GET /api/v1/session), asked once per page; null when unknown. */
  function me() {
    who = who || api('/api/v1/session').catch(() => null);
    return who;
  }

  function isQa(u) { return !!u && (u.role === 'qa' || u.role === 'admin'); }

  async function signOut() {
    await fetch('/api/v1/session/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => {});
    location.href = '/login';
  }

  const number = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });

  function temp(v) {
    return v === null || v === undefined ? '—' : number.format(v);
  }

  function time(iso) {
    return iso ? dateTime.format(new Date(iso)) : '—';
  }

  function ago(iso) {
    if (!iso) return t('unit.never');
    const s = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
    const a = Math.abs(s);
    if (a < 60) return relative.format(s, 'second');
    if (a < 3600) return relative.format(Math.round(s / 60), 'minute');
    if (a < 86400) return relative.format(Math.round(s / 3600), 'hour');
    return relative.format(Math.round(s / 86400), 'day');
  }

  /** Subscribes to the server's event stream; handlers = {unit: fn(data), alarm: fn(data)}. */
  function live(handlers) {
    const badge = document.getElementById('live');
    // shown only on pages that follow the stream: elsewhere "reconnecting" would be a false alarm
    if (badge) badge.hidden = false;
    const set = on => {
      if (!badge) return;
      badge.classList.toggle('off', !on);
      badge.querySelector('.live-text').textContent = t(on ? 'live.on' : 'live.off');
    };
    const es = new EventSource('/api/v1/stream');
    es.onopen = () => set(true);
    es.onerror = () => set(false);  // EventSource reconnects by itself (retry: 3 s)
    for (const [name, fn] of Object.entries(handlers)) {
      es.addEventListener(name, e => fn(JSON.parse(e.data)));
    }
    return es;
  }

  window.CT = { api, el, header, temp, time, ago, live, toLogin, me, isQa };
})();
