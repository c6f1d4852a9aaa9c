// Monthly trend of the referral dashboard: completed referrals up and down (bars), acceptance rate
// and median decision time (lines). Data and series names come from the page's data attributes (no
// inline script: CSP); a month without decisions is null and leaves a gap, never a zero.
(function () {
  var el = document.getElementById('rd-trend');
  if (!el || !window.echarts) { return; }
  function data(name) { return JSON.parse(el.dataset[name] || '[]'); }
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    grid: {left: 60, right: 60, top: 40, bottom: 40},
    xAxis: {type: 'category', data: data('months')},
    yAxis: [{type: 'value', minInterval: 1, min: 0}, {type: 'value', name: '% / h', min: 0}],
    series: [
      {name: el.dataset.labelUpArrived, type: 'bar', stack: 'arrived', data: data('upArrived'), itemStyle: {color: '#5b8ff9'}},
      {name: el.dataset.labelDownArrived, type: 'bar', stack: 'arrived', data: data('downArrived'), itemStyle: {color: '#5ad8a6'}},
      {name: el.dataset.labelAcceptanceRate, type: 'line', yAxisIndex: 1, data: data('acceptanceRate'), connectNulls: false},
      {name: el.dataset.labelAcceptanceHours, type: 'line', yAxisIndex: 1, data: data('acceptanceHours'), connectNulls: false}
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
