// ColdTrace page dictionary (zh-CN, en). The language comes from the saved choice, else the browser's
// Accept-Language (navigator.languages); the switch in the header saves the choice in localStorage.
(function () {
  'use strict';
  const DICT = {
    'en': {
      'app.name': 'ColdTrace',
      'nav.overview': 'Overview', 'nav.alarms': 'Alarms', 'nav.lots': 'Lots', 'nav.stock': 'Stock', 'nav.recalls': 'Recalls', 'nav.signout': 'Sign out', 'nav.lang': '中文',
      'login.title': 'Sign in', 'login.lead': 'Paste your API token to open the monitoring pages.',
      'login.token': 'API token', 'login.submit': 'Sign in', 'login.invalid': 'This token is unknown or revoked.',
      'login.empty': 'Paste a token first.', 'login.failed': 'Sign-in failed: {0}',
      'login.hint': 'No token? An administrator creates one with:',
      'overview.title': 'Overview', 'overview.empty': 'No units to show yet.',
      'live.on': 'Live', 'live.off': 'Reconnecting…',
      'status.ok': 'OK', 'status.warning': 'Warning', 'status.critical': 'Critical', 'status.offline': 'Offline',
      'status.no_data': 'No data',
      'unit.door': 'Door', 'door.open': 'open', 'door.closed': 'closed', 'door.unknown': '—',
      'unit.defrost': 'Defrost', 'unit.lastSeen': 'Last seen', 'unit.alarms': 'Open alarms', 'unit.band': 'Band',
      'unit.noBand': 'no limits', 'unit.device': 'Device', 'unit.probe': 'Probe', 'unit.never': 'never',
      'probe.air': 'air', 'probe.return': 'return air', 'probe.supply': 'supply air', 'probe.product': 'product',
      'kind.cold_room': 'Cold room', 'kind.truck_compartment': 'Truck compartment', 'kind.container': 'Container',
      'site.origin_cold_store': 'Origin cold store', 'site.consolidation_centre': 'Consolidation centre',
      'site.forward_warehouse': 'Forward warehouse', 'site.buyer': 'Buyer', 'site.other': 'Site',
      'tc.frozen': 'frozen', 'tc.chilled': 'chilled', 'tc.cool': 'cool', 'tc.ambient': 'ambient',
      'history.title': 'History', 'history.csv': 'Download CSV', 'history.resetZoom': 'Double-click the chart to reset the zoom; drag to zoom in.',
      'history.empty': 'No readings in this range.', 'history.resolution': 'Resolution: {0}',
      'history.avg': 'Average', 'history.min': 'Min', 'history.max': 'Max', 'history.door': 'Door open',
      'history.defrost': 'Defrost', 'history.alarm': 'Alarm', 'history.warnBand': 'Warning limits',
      'history.critBand': 'Critical limits', 'history.alarms': 'Alarms in this range', 'history.noAlarms': 'None.',
      'range.1h': '1 h', 'range.6h': '6 h', 'range.24h': '24 h', 'range.7d': '7 d', 'range.30d': '30 d',
      'alarms.title': 'Alarms', 'alarms.empty': 'No alarms in this view.',
      'filter.active': 'Active', 'filter.open': 'Open', 'filter.acknowledged': 'Acknowledged',
      'filter.resolved': 'Resolved',
      'col.severity': 'Severity', 'col.unit': 'Unit', 'col.rule': 'Alarm', 'col.started': 'Started',
      'col.cleared': 'Cleared', 'col.state': 'State', 'col.values': 'Limit / peak', 'col.actions': 'Actions',
      'col.ack': 'Acknowledged',
      'state.open': 'Open', 'state.acknowledged': 'Acknowledged', 'state.resolved': 'Resolved',
      'sev.warning': 'Warning', 'sev.critical': 'Critical',
      'rule.high': 'High temperature', 'rule.low': 'Low temperature', 'rule.door_open': 'Door open too long',
      'rule.offline': 'Device offline', 'rule.rate_of_change': 'Temperature changing fast',
      'rule.battery_low': 'Battery low', 'rule.sensor_fault': 'Sensor fault',
      'ack.button': 'Acknowledge', 'ack.comment': 'Corrective action taken (required)', 'ack.confirm': 'Confirm',
      'ack.cancel': 'Cancel', 'ack.required': 'Write what was done before acknowledging.',
      'resolve.button': 'Resolve', 'resolve.notCleared': 'Can be resolved once the condition has cleared.',
      'still.active': 'still active', 'by': 'by {0}',
      'error.load': 'Could not load: {0}', 'error.generic': 'Something went wrong ({0}).'
    },
    'zh-CN': {
      'app.name': 'ColdTrace 冷链追溯',
      'nav.overview': '总览', 'nav.alarms': '报警', 'nav.lots': '批次', 'nav.stock': '库存', 'nav.recalls': '召回', 'nav.signout': '退出登录', 'nav.lang': 'EN',
      'login.title': '登录', 'login.lead': '粘贴您的 API 令牌以打开监控页面。',
      'login.token': 'API 令牌', 'login.submit': '登录', 'login.invalid': '该令牌无效或已被吊销。',
      'login.empty': '请先粘贴令牌。', 'login.failed': '登录失败：{0}',
      'login.hint': '没有令牌？请管理员用以下命令创建：',
      'overview.title': '总览', 'overview.empty': '暂无可显示的温控单元。',
      'live.on': '实时', 'live.off': '正在重新连接…',
      'status.ok': '正常', 'status.warning': '警告', 'status.critical': '严重', 'status.offline': '离线',
      'status.no_data': '无数据',
      'unit.door': '门', 'door.open': '开', 'door.closed': '关', 'door.unknown': '—',
      'unit.defrost': '除霜', 'unit.lastSeen': '最后上报', 'unit.alarms': '未关闭报警', 'unit.band': '温度范围',
      'unit.noBand': '未设限值', 'unit.device': '设备', 'unit.probe': '探头', 'unit.never': '从未',
      'probe.air': '空气', 'probe.return': '回风', 'probe.supply': '送风', 'probe.product': '产品',
      'kind.cold_room': '冷库', 'kind.truck_compartment': '冷藏车厢', 'kind.container': '集装箱',
      'site.origin_cold_store': '产地冷库', 'site.consolidation_centre': '集散中心',
      'site.forward_warehouse': '前置仓', 'site.buyer': '收货方', 'site.other': '站点',
      'tc.frozen': '冷冻', 'tc.chilled': '冷藏', 'tc.cool': '恒温', 'tc.ambient': '常温',
      'history.title': '历史曲线', 'history.csv': '下载 CSV', 'history.resetZoom': '拖动可放大，双击图表恢复。',
      'history.empty': '该时间段内没有读数。', 'history.resolution': '分辨率：{0}',
      'history.avg': '平均', 'history.min': '最低', 'history.max': '最高', 'history.door': '开门',
      'history.defrost': '除霜', 'history.alarm': '报警', 'history.warnBand': '警告限值',
      'history.critBand': '严重限值', 'history.alarms': '该时间段内的报警', 'history.noAlarms': '无。',
      'range.1h': '1 小时', 'range.6h': '6 小时', 'range.24h': '24 小时', 'range.7d': '7 天', 'range.30d': '30 天',
      'alarms.title': '报警', 'alarms.empty': '当前筛选下没有报警。',
      'filter.active': '进行中', 'filter.open': '未处理', 'filter.acknowledged': '已确认', 'filter.resolved': '已解决',
      'col.severity': '级别', 'col.unit': '单元', 'col.rule': '报警', 'col.started': '开始时间',
      'col.cleared': '恢复时间', 'col.state': '状态', 'col.values': '限值 / 峰值', 'col.actions': '操作',
      'col.ack': '确认',
      'state.open': '未处理', 'state.acknowledged': '已确认', 'state.resolved': '已解决',
      'sev.warning': '警告', 'sev.critical': '严重',
      'rule.high': '温度过高', 'rule.low': '温度过低', 'rule.door_open': '开门超时', 'rule.offline': '设备离线',
      'rule.rate_of_change': '温度变化过快', 'rule.battery_low': '电量低', 'rule.sensor_fault': '传感器故障',
      'ack.button': '确认', 'ack.comment': '已采取的纠正措施（必填）', 'ack.confirm': '提交确认', 'ack.cancel': '取消',
      'ack.required': '请先填写已采取的措施再确认。',
      'resolve.button': '解决', 'resolve.notCleared': '报警条件恢复后才能解决。',
      'still.active': '仍在持续', 'by': '操作人：{0}',
      'error.load': '加载失败：{0}', 'error.generic': '出现错误（{0}）。'
    }
  };
  const KEY = 'coldtrace.lang';

  function detect() {
    const saved = localStorage.getItem(KEY);
    if (saved && DICT[saved]) return saved;
    const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (const l of langs) {
      const low = String(l).toLowerCase();
      if (low.startsWith('zh')) return 'zh-CN';
      if (low.startsWith('en')) return 'en';
    }
    return 'en';
  }

  const lang = detect();
  document.documentElement.lang = lang;

  function t(key, ...args) {
    const s = (DICT[lang] && DICT[lang][key]) || DICT.en[key] || key;
    return s.replace(/\{(\d)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }

  /** Fills every element carrying data-i18n (text), data-i18n-placeholder or data-i18n-title under root. */
  function apply(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    (root || document).querySelectorAll('[data-i18n-placeholder]').forEach(el => {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
    (root || document).querySelectorAll('[data-i18n-title]').forEach(el => { el.title = t(el.dataset.i18nTitle); });
  }

  /** Adds a page's own entries ({'en': {...}, 'zh-CN': {...}}), so each feature keeps its words with its page. */
  function add(more) {
    for (const [l, entries] of Object.entries(more)) Object.assign(DICT[l] = DICT[l] || {}, entries);
  }

  function toggle() {
    localStorage.setItem(KEY, lang === 'zh-CN' ? 'en' : 'zh-CN');
    location.reload();
  }

  window.I18N = { lang, t, apply, toggle, add };
})();
