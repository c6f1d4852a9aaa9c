// Monthly trend of the outpatient indicators; data and series names come from the page's data
// attributes (no inline script: CSP). Missing months are null and leave a gap, never a zero.
(function () {
  var el = document.getElementById('op-trend');
  if (!el || !window.echarts) { return; }
  function data(name) { return JSON.parse(el.dataset[name] || '[]'); }
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    grid: {left: 60, right: 60, top: 40, bottom: 40},
    xAxis: {type: 'category', data: data('months')},
    yAxis: [{type: 'value', name: '%', min: 0}, {type: 'value', name: el.dataset.labelMeanWait, min: 0}],
    series: [
      {name: el.dataset.labelAppointmentRate, type: 'line', data: data('appointmentRate'), connectNulls: false},
      {name: el.dataset.labelNoShowRate, type: 'line', data: data('noShowRate'), connectNulls: false},
      {name: el.dataset.labelMeanWait, type: 'bar', yAxisIndex: 1, data: data('meanWait'), itemStyle: {color: '#9fb8cf'}}
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
