// Words of the stock page (/stock): stock per site, the early warning of unsold produce, proposed buyers (zh-CN, en).
window.I18N.add({
  'en': {
    'stock.title': 'Stock and unsold produce', 'stock.site': 'Site',
    'stock.all': 'All lots', 'stock.atWatch': 'Watch or worse', 'stock.atWarning': 'Warning or worse', 'stock.atUrgent': 'Urgent',
    'stock.rule': 'Lots sell first-expiry-first-out at the product\'s outbound rate of the last 14 days; what will not have sold before it expires is at risk. Not moved for 7 days: warning.',
    'stock.empty': 'Nothing on hand at this grade.', 'stock.noSites': 'No sites to show.',
    'stock.col.grade': 'Grade', 'stock.col.lot': 'Lot', 'stock.col.place': 'Where', 'stock.col.qty': 'On hand',
    'stock.col.life': 'Life left', 'stock.col.still': 'Not moved', 'stock.col.risk': 'At risk', 'stock.col.why': 'Why',
    'stock.days': '{0} d', 'stock.noLife': 'no figure yet', 'stock.buyers': 'Find buyers', 'stock.hide': 'Hide buyers',
    'stock.noBuyers': 'No buyer would get it with a day of life left.', 'stock.score': 'score {0}',
    'stock.onArrival': '{0} d of life on arrival', 'stock.product': '{0}: {1} {2} in {3} lots, selling {4} {2}/day, {5} {2} at risk',
    'stock.more': 'Showing the {0} most urgent of {1} lots.',
    'grade.ok': 'OK', 'grade.watch': 'Watch', 'grade.warning': 'Warning', 'grade.urgent': 'Urgent',
  },
  'zh-CN': {
    'stock.title': '库存与滞销预警', 'stock.site': '站点',
    'stock.all': '全部批次', 'stock.atWatch': '关注及以上', 'stock.atWarning': '预警及以上', 'stock.atUrgent': '紧急',
    'stock.rule': '按先到期先出、以该产品近 14 天日均出库量推算；到期前无法售出的数量计为风险量。7 天未移动即预警。',
    'stock.empty': '该级别下暂无库存。', 'stock.noSites': '没有可显示的站点。',
    'stock.col.grade': '级别', 'stock.col.lot': '批次', 'stock.col.place': '位置', 'stock.col.qty': '在库',
    'stock.col.life': '剩余保质期', 'stock.col.still': '未移动', 'stock.col.risk': '风险量', 'stock.col.why': '原因',
    'stock.days': '{0} 天', 'stock.noLife': '尚无数据', 'stock.buyers': '匹配买家', 'stock.hide': '收起',
    'stock.noBuyers': '没有买家能在剩余保质期一天以上时收到。', 'stock.score': '得分 {0}',
    'stock.onArrival': '到货时剩余 {0} 天', 'stock.product': '{0}：在库 {1} {2}，共 {3} 批，日均出库 {4} {2}，风险量 {5} {2}',
    'stock.more': '显示最紧急的 {0} 批（共 {1} 批）。',
    'grade.ok': '正常', 'grade.watch': '关注', 'grade.warning': '预警', 'grade.urgent': '紧急',
  },
});
