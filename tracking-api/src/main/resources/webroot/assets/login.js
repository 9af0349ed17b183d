(function () {
  'use strict';
  const { t, apply } = window.I18N;
  apply();
  document.title = t('login.title') + ' · ColdTrace';
  document.getElementById('lang-switch').textContent = t('nav.lang');
  document.getElementById('lang-switch').addEventListener('click', () => window.I18N.toggle());
  const form = document.getElementById('login-form');
  const msg = document.getElementById('login-error');

  function next() {
    const n = new URLSearchParams(location.search).get('next') || '/overview';
    // only a path on this site: never an open redirect
    return n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/\\') ? n : '/overview';
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    msg.textContent = '';
    const token = document.getElementById('token').value.trim();
    if (!token) { msg.textContent = t('login.empty'); return; }
    const r = await fetch('/api/v1/session', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token })
    }).catch(err => ({ ok: false, status: 0, statusText: String(err) }));
    if (r.ok) { location.href = next(); return; }
    msg.textContent = r.status === 401 ? t('login.invalid') : t('login.failed', r.status + ' ' + (r.statusText || ''));
  });
})();
