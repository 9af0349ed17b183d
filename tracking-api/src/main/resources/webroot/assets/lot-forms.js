// Recording events from the lot pages: each form posts one event to POST /api/v1/events as JSON. The client event id
// is made once per filled-in form, so a double click or a retry after a lost answer records one event, not two; a
// refusal (422) is shown next to the field it names.
(function () {
  'use strict';
  const { t } = window.I18N;
  const { api } = window.CT;

  /** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /** The offset of a local time as ±hh:mm (what the event records as event_tz_offset). */
  function offset(d) {
    const m = -d.getTimezoneOffset();
    const a = Math.abs(m);
    return (m >= 0 ? '+' : '-') + String(Math.floor(a / 60)).padStart(2, '0') + ':' + String(a % 60).padStart(2, '0');
  }

  /** A datetime-local value for {@code d}, in the browser's time. */
  function localValue(d) {
    const p = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for], .form-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  }

  /**
   * Shows {@code message} at the slot for {@code field}: a slot whose data-error-for lists the field, else the one
   * listing the longest prefix of it (body.lots[0] for body.lots[0].from_unit_id), else the form's own slot.
   */
  function showError(form, field, message) {
    let best = null;
    let bestLength = -1;
    form.querySelectorAll('[data-error-for]').forEach(slot => {
      for (const name of slot.dataset.errorFor.split(' ')) {
        if (field && (field === name || field.startsWith(name + '.') || field.startsWith(name + '['))
            && name.length > bestLength) {
          best = slot;
          bestLength = name.length;
        }
      }
    });
    const slot = best || form.querySelector('.form-error');
    slot.textContent = message;
    const input = best && best.closest('label') && best.closest('label').querySelector('input, select');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }

  /** A problem found before posting, shown like the server's refusal of {@code field}. */
  function invalid(field, message) {
    return { field, message, local: true };
  }

  /** A positive quantity from an input, or a refusal naming {@code field}. */
  function positive(input, field) {
    const v = Number(input.value);
    if (input.value === '' || !(v > 0)) throw invalid(field, t('form.positive'));
    return v;
  }

  /**
   * Makes {@code form} post the event {@code build(form)} describes ({type, unit_id, …, body}); the time comes from
   * the form's event_time input (the moment of posting while it shows the minute the form opened). {@code done(event)} runs after it is stored.
   */
  function bind(form, build, done) {
    let clientId = uuid();
    const submit = form.querySelector('button[type=submit]');
    const timeInput = form.elements.event_time;
    // the time shows "now" to the minute; left as shown, the event takes the moment it is posted
    const showNow = () => { if (timeInput) timeInput.value = timeInput.dataset.now = localValue(new Date()); };
    showNow();
    form.addEventListener('input', () => clearErrors(form));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      if (form.dataset.busy) return;
      clearErrors(form);
      let event;
      try {
        event = build(form);
      } catch (e) {
        if (!e.local) throw e;
        showError(form, e.field, e.message);
        return;
      }
      const typed = timeInput && timeInput.value !== timeInput.dataset.now ? timeInput.value : '';
      const when = typed ? new Date(typed) : new Date();
      const payload = Object.assign({ client_event_id: clientId, event_time: when.toISOString(),
        event_tz_offset: offset(when) }, event);
      form.dataset.busy = '1';
      if (submit) submit.disabled = true;
      try {
        const stored = await api('/api/v1/events', { json: payload });
        clientId = uuid();
        showNow();
        done(stored, payload);
      } catch (e) {
        if (e.status !== 401) showError(form, e.field, e.status === 422 || e.status === 409 ? e.message
          : t('error.generic', e.status + ' ' + e.message));
      } finally {
        delete form.dataset.busy;
        if (submit) submit.disabled = false;
      }
    });
  }

  /** Splits a place select's value "unit:ID" / "site:ID" into the event's place field. */
  function place(value, prefix) {
    if (!value) return {};
    const i = value.indexOf(':');
    return { [(prefix || '') + value.slice(0, i) + '_id']: value.slice(i + 1) };
  }

  window.LotForms = { bind, invalid, positive, place, localValue };
})();
