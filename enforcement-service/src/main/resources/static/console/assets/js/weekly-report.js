// Weekly report charts: ECharts from the webjar, data from /console/reports/weekly/data, the
// district map from the bundled GeoJSON (registerMap; no online tiles). Sets
// document.body.dataset.chartsRendered to the number of charts drawn (read by the browser test).
(function () {
  'use strict';
  var root = document.getElementById('report');
  if (!root || !window.echarts) { return; }
  var l = root.dataset;
  var pct = function (v) { return v == null ? null : Math.round(v * 1000) / 10; };
  var share = function (part, whole) { return whole > 0 ? Math.round(part / whole * 1000) / 10 : null; };
  var charts = [];
  var rendered = 0;
  function draw(id, option) {
    var chart = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    chart.on('finished', function once() {
      chart.off('finished', once);
      rendered += 1;
      document.body.dataset.chartsRendered = String(rendered);
    });
    chart.setOption(option);
    charts.push(chart);
  }
  function bars(rows, series, percent) {
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
      yAxis: percent ? { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', minInterval: 1 },
      series: series.map(function (s) { return { name: s.name, type: 'bar', data: s.data, label: { show: true, position: 'top' } }; })
    };
  }
  Promise.all([
    fetch(l.src, { credentials: 'same-origin' }).then(function (r) { return r.json(); }),
    fetch(l.geo, { credentials: 'same-origin' }).then(function (r) { return r.json(); })
  ]).then(function (loaded) {
    var data = loaded[0];
    var rows = data.rows;
    echarts.registerMap('luoyang', loaded[1]);
    draw('chart-volume', bars(rows, [
      { name: l.lReceived, data: rows.map(function (r) { return r.received; }) },
      { name: l.lClosed, data: rows.map(function (r) { return r.closed; }) }], false));
    draw('chart-on-time', bars(rows, [
      { name: l.lSigned, data: rows.map(function (r) { return share(r.signedOnTime, r.received); }) },
      { name: l.lClosedOnTime, data: rows.map(function (r) { return share(r.closedOnTime, r.closed); }) }], true));
    draw('chart-rates', bars(rows, [
      { name: l.lResponse, data: rows.map(function (r) { return pct(r.responseRate); }) },
      { name: l.lResolution, data: rows.map(function (r) { return pct(r.resolutionRate); }) },
      { name: l.lSatisfaction, data: rows.map(function (r) { return pct(r.satisfactionRate); }) }], true));
    draw('chart-categories', {
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: data.topCategories, label: { formatter: '{b}: {c}' } }]
    });
    var max = Math.max(1, Math.max.apply(null, data.openByDistrict.map(function (d) { return d.value; })));
    draw('chart-map', {
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      visualMap: { min: 0, max: max, left: 8, bottom: 8, text: [String(max), '0'], calculable: false,
        inRange: { color: ['#eef4f8', '#f6c344', '#c0392b'] } },
      series: [{ name: l.lOpen, type: 'map', map: 'luoyang', roam: false, label: { show: true, fontSize: 10 },
        data: data.openByDistrict.map(function (d) { return { name: d.name, value: d.value }; }) }]
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }).catch(function (err) {
    document.body.dataset.chartsError = String(err);
  });
}());
