// The lot page's forms: move or store in, load, ship, receive with the handover check, deliver. Each records one
// event of this lot through POST /api/v1/events (lot-forms.js), then the page reloads the lot.
(function () {
  'use strict';
  const { t } = window.I18N;
  const { el } = window.CT;
  const { placeName, placeOptions, partyOptions, quantity } = window.LOTS;
  const { bind, invalid, positive, place } = window.LotForms;
  const section = document.getElementById('record');
  const forms = Array.from(section.querySelectorAll('form.event-form'));
  let lot = null;
  let ready = false;

  /** Quantity, where from and when: the fields every step has, added to each form once. */
  function shared(form) {
    const ship = form.dataset.type === 'ship';
    form.querySelector('.shared').replaceWith(
      el('label', {}, el('span', { text: t(ship ? 'form.shipFrom' : 'form.from') }),
        el('select', { name: 'from', required: true }),
        el('span', { class: 'field-error', dataset: { errorFor: ship ? 'unit_id site_id'
          : 'body.lots[0].from_unit_id body.lots[0].from_site_id body.lots[0].from_plot_id' } })),
      el('label', {}, el('span', { text: t('form.quantity') }),
        el('span', { class: 'with-unit' }, el('input', { name: 'quantity', type: 'number', min: 0, step: 'any', required: true }),
          el('span', { class: 'unit' })),
        el('span', { class: 'field-error', dataset: { errorFor: 'body.lots[0].quantity body.lots[0].uom body.lots[0] body.lots' } })),
      el('label', {}, el('span', { text: t('form.time') }), el('input', { name: 'event_time', type: 'datetime-local', required: true }),
        el('span', { class: 'field-error', dataset: { errorFor: 'event_time event_tz_offset' } })));
  }

  /** The lot item of the event: this lot, the quantity, the place it is taken from (unless the event says it). */
  function item(f, withFrom) {
    const it = { lot: lot.code, quantity: positive(f.elements.quantity, 'body.lots[0].quantity'), uom: lot.uom };
    if (withFrom && f.elements.from.value) Object.assign(it, place(f.elements.from.value, 'from_'));
    return it;
  }

  function documents(f) {
    const v = f.elements.document && f.elements.document.value.trim();
    return v ? { documents: [{ type: 'delivery_note', id: v }] } : {};
  }

  function required(select, field) {
    if (!select.value) throw invalid(field, t('form.required'));
    return select.value;
  }

  const BUILD = {
    move: f => ({ type: f.elements.step.value, unit_id: required(f.elements.unit, 'unit_id'), body: { lots: [item(f, true)] } }),
    load: f => ({ type: 'load', unit_id: required(f.elements.unit, 'unit_id'), body: { lots: [item(f, true)] } }),
    ship: f => Object.assign({ type: 'ship' }, place(f.elements.from.value),
      { body: Object.assign({ to_party_id: required(f.elements.party, 'body.to_party_id'), lots: [item(f, false)] }, documents(f)) }),
    receive: f => {
      const acceptance = f.elements.acceptance.value;
      const it = item(f, true);
      if (acceptance === 'partial') it.rejected_quantity = positive(f.elements.rejected, 'body.lots[0].rejected_quantity');
      if (f.elements.temp.value === '') throw invalid('body.handover_temp_c', t('form.tempRequired'));
      return Object.assign({ type: 'receive' }, place(required(f.elements.place, 'site_id')),
        f.elements.party.value ? { party_id: f.elements.party.value } : {},
        { body: Object.assign({ acceptance, handover_temp_c: Number(f.elements.temp.value), lots: [it] }, documents(f)) });
    },
    deliver: f => ({ type: 'deliver', party_id: required(f.elements.party, 'party_id'),
      body: Object.assign({ lots: [item(f, true)] }, documents(f)) })
  };

  function choose(type) {
    forms.forEach(f => { f.hidden = f.dataset.type !== type; });
    section.querySelectorAll('#record-tabs button').forEach(b => {
      b.classList.toggle('active', b.dataset.form === type);
      b.setAttribute('aria-selected', String(b.dataset.form === type));
    });
  }

  function setUp(r) {
    forms.forEach(f => {
      shared(f);
      if (f.elements.unit) {
        const kinds = f.elements.unit.dataset.units.split(' ');
        placeOptions(f.elements.unit, r, { units: u => kinds.includes(u.kind), sites: false, bare: true });
      }
      if (f.elements.party) partyOptions(f.elements.party, r, f.elements.party.dataset.parties.split(' '));
      if (f.elements.place) placeOptions(f.elements.place, r, { units: u => u.kind !== 'truck_compartment' });
      if (f.elements.acceptance) {
        f.elements.acceptance.addEventListener('change', () => {
          f.querySelector('.when-partial').hidden = f.elements.acceptance.value !== 'partial';
        });
      }
      f.elements.from.addEventListener('change', () => setQuantity(f));
      bind(f, BUILD[f.dataset.type], stored => {
        document.getElementById('recorded').textContent = t('form.recorded', t('ev.' + stored.type));
        window.LOT.load();
      });
    });
    section.querySelectorAll('#record-tabs button').forEach(b => b.addEventListener('click', () => choose(b.dataset.form)));
    choose('move');
  }

  /** Proposes the whole quantity at the chosen place. */
  function setQuantity(f) {
    const p = lot.places.find(x => x.kind + ':' + x.id === f.elements.from.value);
    f.elements.quantity.value = p ? p.quantity : '';
  }

  document.addEventListener('lot:loaded', ev => {
    lot = ev.detail.lot;
    const r = ev.detail.references;
    // steps are recorded for lots with something on hand (a harvest batch is packed from the pack page)
    section.hidden = lot.status !== 'active';
    if (section.hidden) return;
    if (!ready) {
      setUp(r);
      ready = true;
    }
    forms.forEach(f => {
      f.elements.from.replaceChildren(...lot.places.map(p => el('option', { value: p.kind + ':' + p.id,
        text: placeName(p.kind, p.id, r) + ' · ' + quantity(p.quantity, lot.uom) })));
      f.querySelector('.with-unit .unit').textContent = t('uom.' + lot.uom);
      setQuantity(f);
    });
  });
})();
