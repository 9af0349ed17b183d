// Pack a lot: inputs (harvest batches or lots, with quantities) become one new lot at a place; then its labels.
(function () {
  'use strict';
  const { t, apply } = window.I18N;
  const { api, el, header } = window.CT;
  const { references, name, placeOptions } = window.LOTS;
  const { bind, invalid, positive, place } = window.LotForms;
  const UOMS = ['kg', 'box', 'crate', 'piece', 'bag', 'carton'];

  header('lots');
  const liveBadge = document.getElementById('live');
  if (liveBadge) liveBadge.remove();
  apply();
  document.title = t('pack.title') + ' · ColdTrace';

  const form = document.getElementById('pack-form');
  const inputs = document.getElementById('inputs');
  const known = {};  // code -> {uom, on_hand} of lots and batches on hand

  function inputRow() {
    const i = inputs.children.length;
    const uom = el('select', { name: 'in_uom', 'aria-label': t('form.uom') }, UOMS.map(u => el('option', { value: u, text: t('uom.' + u) })));
    const code = el('input', { name: 'in_code', list: 'input-codes', maxlength: 64, autocomplete: 'off', required: true });
    code.addEventListener('change', () => { if (known[code.value]) uom.value = known[code.value].uom; });
    inputs.append(el('div', { class: 'fields input-row' },
      el('label', {}, el('span', { text: t('pack.inputCode') }), code,
        el('span', { class: 'field-error', dataset: { errorFor: 'body.inputs[' + i + '].lot body.inputs[' + i + ']' } })),
      el('label', {}, el('span', { text: t('form.quantity') }),
        el('span', { class: 'with-unit' }, el('input', { name: 'in_quantity', type: 'number', min: 0, step: 'any', required: true }), uom),
        el('span', { class: 'field-error', dataset: { errorFor: 'body.inputs[' + i + '].quantity body.inputs[' + i + '].uom' } }))));
  }

  function build(f) {
    const codes = f.querySelectorAll('[name=in_code]');
    const quantities = f.querySelectorAll('[name=in_quantity]');
    const uoms = f.querySelectorAll('[name=in_uom]');
    const items = [];
    codes.forEach((c, i) => {
      if (!c.value.trim() && !quantities[i].value && i > 0) return;  // an extra row left empty
      if (!c.value.trim()) throw invalid('body.inputs[' + i + '].lot', t('form.required'));
      items.push({ lot: c.value.trim(), quantity: positive(quantities[i], 'body.inputs[' + i + '].quantity'), uom: uoms[i].value });
    });
    if (!f.elements.code.value.trim()) throw invalid('body.outputs[0].lot', t('form.required'));
    const product = f.elements.product_id.value;
    const output = { lot: f.elements.code.value.trim(), product_id: product,
      quantity: positive(f.elements.quantity, 'body.outputs[0].quantity'), uom: f.dataset.uom };
    if (f.elements.external_code.value.trim()) output.external_code = f.elements.external_code.value.trim();
    if (!f.elements.place.value) throw invalid('unit_id', t('form.required'));
    return Object.assign({ type: 'pack' }, place(f.elements.place.value), { body: { inputs: items, outputs: [output] } });
  }

  async function packed(event, payload) {
    const code = payload.body.outputs[0].lot;
    const lot = await api('/api/v1/lots/by-code/' + encodeURIComponent(code));
    form.hidden = true;
    const done = document.getElementById('packed');
    document.getElementById('packed-title').textContent = t('pack.done', lot.code, window.LOTS.quantity(lot.quantity, lot.uom));
    document.getElementById('packed-trace').textContent = lot.trace_code;
    document.getElementById('packed-labels').href = lot.labels_url;
    document.getElementById('packed-open').href = '/lots/' + lot.id;
    done.dataset.lot = lot.id;
    done.hidden = false;
  }

  function today() {
    const d = new Date();
    return 'L-' + d.getFullYear() + String(d.getMonth() + 1).padStart(2, '0') + String(d.getDate()).padStart(2, '0') + '-';
  }

  inputRow();
  document.getElementById('add-input').addEventListener('click', inputRow);
  form.elements.code.placeholder = today() + '01';
  references().then(r => {
    const products = form.elements.product_id;
    r.products.forEach(p => products.append(el('option', { value: p.id, text: name(p) })));
    const setUom = () => {
      const p = r.product[products.value];
      form.dataset.uom = p ? p.unit_of_measure : 'kg';
      document.getElementById('output-uom').textContent = t('uom.' + form.dataset.uom);
    };
    products.addEventListener('change', setUom);
    setUom();
    placeOptions(form.elements.place, r);
  });
  // what can go in: harvest batches and lots with quantity on hand
  Promise.all(['harvest_batch', 'lot'].map(k => api('/api/v1/lots?status=active&limit=500&kind=' + k))).then(lists => {
    const list = document.getElementById('input-codes');
    lists.flatMap(d => d.items).forEach(l => {
      known[l.code] = l;
      list.append(el('option', { value: l.code, text: t('kind.' + l.kind) + ' · ' + window.LOTS.quantity(l.on_hand, l.uom) }));
    });
  }).catch(() => {});
  bind(form, build, packed);
})();
