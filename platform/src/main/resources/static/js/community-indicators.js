// Monthly trend of the county indicators computed as percentages; data come from the page's data
// attributes (no inline script: CSP). A month without data is null and leaves a gap, never a zero.
(function () {
  var el = document.getElementById('mc-trend');
  if (!el || !window.echarts) { return; }
  function data(name) { return JSON.parse(el.dataset[name] || '[]'); }
  var names = data('series');
  var values = data('values');
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    grid: {left: 60, right: 30, top: 50, bottom: 40},
    xAxis: {type: 'category', data: data('months')},
    yAxis: {type: 'value', name: '%', min: 0, max: 100},
    series: names.map(function (n, i) { return {name: n, type: 'line', data: values[i], connectNulls: false}; })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
