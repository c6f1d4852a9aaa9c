// Charts of the DRG analytics page: monthly CMI and profit/loss, CMI and consumption indices per
// department (or doctor, DRG), and the time × cost consumption quadrant. Data come from the page's
// data attributes (no inline script: CSP); months without cases are null and leave a gap. The table
// and charts are swapped by htmx when a filter, tab or drill-down link is used: the charts are drawn
// again after every swap.
(function () {
  var charts = [];

  function data(el, name) { return JSON.parse(el.dataset[name] || '[]'); }

  function trend(el) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 70, right: 70, top: 40, bottom: 40},
      xAxis: {type: 'category', data: data(el, 'months')},
      yAxis: [{type: 'value', name: 'CMI', scale: true}, {type: 'value', name: el.dataset.labelProfitLoss}],
      series: [
        {name: el.dataset.labelCmi, type: 'line', data: data(el, 'cmi'), connectNulls: false},
        {name: el.dataset.labelCostIndex, type: 'line', data: data(el, 'costIndex'), connectNulls: false},
        {name: el.dataset.labelTimeIndex, type: 'line', data: data(el, 'timeIndex'), connectNulls: false},
        {name: el.dataset.labelProfitLoss, type: 'bar', yAxisIndex: 1, data: data(el, 'profitLoss'),
          itemStyle: {color: function (p) { return p.value < 0 ? '#c0504d' : '#9fb8cf'; }}}
      ]
    });
    return chart;
  }

  function bars(el) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 60, right: 30, top: 40, bottom: 90},
      xAxis: {type: 'category', data: data(el, 'labels'), axisLabel: {rotate: 40, interval: 0}},
      yAxis: {type: 'value'},
      series: [
        {name: el.dataset.labelCmi, type: 'bar', data: data(el, 'cmi')},
        {name: el.dataset.labelCostIndex, type: 'bar', data: data(el, 'costIndex')},
        {name: el.dataset.labelTimeIndex, type: 'bar', data: data(el, 'timeIndex'),
          markLine: {symbol: 'none', data: [{yAxis: 1}], lineStyle: {type: 'dashed'}}}
      ]
    });
    return chart;
  }

  function quadrant(el) {
    var points = data(el, 'points');
    var max = points.reduce(function (m, p) { return Math.max(m, p[2]); }, 1);
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {formatter: function (p) {
        return p.value[3] + '<br>' + el.dataset.labelX + ' ' + p.value[0] + '<br>' + el.dataset.labelY + ' ' + p.value[1]
          + '<br>n = ' + p.value[2];
      }},
      grid: {left: 60, right: 30, top: 30, bottom: 50},
      xAxis: {type: 'value', name: el.dataset.labelX, nameLocation: 'middle', nameGap: 30, scale: true},
      yAxis: {type: 'value', name: el.dataset.labelY, scale: true},
      series: [{
        type: 'scatter', data: points,
        symbolSize: function (v) { return 8 + 32 * Math.sqrt(v[2] / max); },
        label: {show: true, position: 'right', formatter: function (p) { return p.value[3]; }, fontSize: 11},
        markLine: {symbol: 'none', silent: true, lineStyle: {type: 'dashed', color: '#888'},
          data: [{xAxis: 1}, {yAxis: 1}]}
      }]
    });
    return chart;
  }

  function draw() {
    if (!window.echarts) { return; }
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    var kinds = {'da-trend': trend, 'da-bars': bars, 'da-quadrant': quadrant};
    Object.keys(kinds).forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { charts.push(kinds[id](el)); }
    });
  }

  draw();
  document.body.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
