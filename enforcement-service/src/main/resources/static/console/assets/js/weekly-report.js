// Weekly report charts: ECharts' common build from the webjar (bars and pie; 215 KB gzipped instead of the
// full build's 330 KB), data from /console/reports/weekly/data. The district map is SVG drawn by the server
// (OpenCasesMap), so no map library and no GeoJSON are downloaded. Sets
// document.body.dataset.chartsRendered to the number of charts drawn and chartsEmpty to the number
// of charts that say the period has no data instead (read by the browser test).
(function () {
  'use strict';
  var root = document.getElementById('report');
  if (!root || !window.echarts) { return; }
  var l = root.dataset;
  var pct = function (v) { return v == null ? null : Math.round(v * 1000) / 10; };
  var share = function (part, whole) { return whole > 0 ? Math.round(part / whole * 1000) / 10 : null; };
  var charts = [];
  var rendered = 0;
  var empty = 0;
  function nothing(id) {
    var box = document.getElementById(id);
    box.classList.add('chart-empty');
    box.removeAttribute('role');
    box.textContent = l.lEmpty;
    empty += 1;
    document.body.dataset.chartsEmpty = String(empty);
  }
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
  fetch(l.src, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (data) {
    var rows = data.rows;
    if (rows.length === 0) {
      ['chart-volume', 'chart-on-time', 'chart-rates'].forEach(nothing);
    } else {
      draw('chart-volume', bars(rows, [
        { name: l.lReceived, data: rows.map(function (r) { return r.received; }) },
        { name: l.lClosed, data: rows.map(function (r) { return r.closed; }) }], false));
      // on-time shares over what was due: signed on time of those due to be signed, closed on time of the closed
      draw('chart-on-time', bars(rows, [
        { name: l.lSigned, data: rows.map(function (r) { return share(r.signedOnTime, r.dueToSign); }) },
        { name: l.lClosedOnTime, data: rows.map(function (r) { return share(r.closedOnTime, r.closed); }) }], true));
      draw('chart-rates', bars(rows, [
        { name: l.lResponse, data: rows.map(function (r) { return pct(r.responseRate); }) },
        { name: l.lResolution, data: rows.map(function (r) { return pct(r.resolutionRate); }) },
        { name: l.lSatisfaction, data: rows.map(function (r) { return pct(r.satisfactionRate); }) }], true));
    }
    if (data.topCategories.length === 0) {
      nothing('chart-categories');
    } else {
      draw('chart-categories', {
        animation: false,
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: data.topCategories, label: { formatter: '{b}: {c}' },
          labelLayout: { hideOverlap: true } }]
      });
    }
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }).catch(function (err) {
    document.body.dataset.chartsError = String(err);
  });
}());
