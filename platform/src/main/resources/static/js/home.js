// Director's dashboard chart; data comes from the page's data attributes (no inline script: CSP).
(function () {
  var el = document.getElementById('chart');
  if (!el || !window.echarts) { return; }
  var labels = JSON.parse(el.dataset.labels || '[]');
  var values = JSON.parse(el.dataset.values || '[]');
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {}, grid: {left: 60, right: 20, top: 20, bottom: 40},
    xAxis: {type: 'category', data: labels}, yAxis: {type: 'value'},
    series: [{type: 'bar', data: values, itemStyle: {color: '#2f6f9f'}}]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
