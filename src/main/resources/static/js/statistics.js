/*
 * Draws each statistics table as a chart with Apache ECharts (loaded before this file). The figures are read from the
 * table beside the chart, which stays on the page as the accessible version: the row headers' data-label are the
 * categories, the columns whose header says data-plot are the series, each cell's data-value its figure. Without
 * scripts (or without ECharts) the charts stay hidden and the tables are the page; so does a chart with nothing
 * but zeros.
 */
(function () {
    'use strict';

    function series(table) {
        var plotted = [];
        table.querySelectorAll('thead th').forEach(function (th, index) {
            if (th.hasAttribute('data-plot')) {
                plotted.push({ index: index, name: th.textContent.trim() });
            }
        });
        var rows = Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (tr) {
            return tr.querySelector('th[data-label]') !== null;
        });
        return {
            labels: rows.map(function (tr) { return tr.querySelector('th[data-label]').getAttribute('data-label'); }),
            series: plotted.map(function (column) {
                return {
                    name: column.name,
                    data: rows.map(function (tr) {
                        var value = tr.children[column.index] && tr.children[column.index].getAttribute('data-value');
                        return value === null || value === '' ? null : Number(value);
                    })
                };
            })
        };
    }

    function option(kind, figures) {
        var common = { animation: false, textStyle: { fontSize: 14 } };
        if (kind === 'pie') {
            var first = figures.series[0];
            return Object.assign(common, {
                tooltip: { trigger: 'item' },
                legend: { type: 'scroll', bottom: 0 },
                series: [{
                    type: 'pie', name: first.name, radius: '60%', top: 0, bottom: 30,
                    data: figures.labels.map(function (label, i) { return { name: label, value: first.data[i] }; })
                }]
            });
        }
        var horizontal = kind === 'hbar';
        var categories = { type: 'category', data: figures.labels, inverse: horizontal,
            axisLabel: { width: horizontal ? 160 : 80, overflow: 'truncate', interval: horizontal ? 0 : 'auto' } };
        var values = { type: 'value', minInterval: 1 };
        return Object.assign(common, {
            tooltip: { trigger: 'axis' },
            legend: { show: figures.series.length > 1, top: 0 },
            grid: { containLabel: true, left: 8, right: 16, top: figures.series.length > 1 ? 32 : 16, bottom: 8 },
            xAxis: horizontal ? values : categories,
            yAxis: horizontal ? categories : values,
            series: figures.series.map(function (s) {
                return { type: kind === 'line' ? 'line' : 'bar', name: s.name, data: s.data };
            })
        });
    }

    function draw() {
        if (!window.echarts) {
            return;
        }
        var charts = [];
        document.querySelectorAll('[data-chart]').forEach(function (box) {
            var table = document.getElementById(box.getAttribute('data-table'));
            var figures = table && series(table);
            // Nothing but zeros draws no chart (a pie of nothing would show equal slices): the table says it.
            var anything = figures && figures.series.some(function (s) {
                return s.data.some(function (value) { return value; });
            });
            if (!anything) {
                return;
            }
            box.hidden = false;
            box.parentElement.classList.add('figure--drawn');
            var chart = window.echarts.init(box, null, { renderer: 'canvas' });
            chart.setOption(option(box.getAttribute('data-chart'), figures));
            charts.push(chart);
        });
        window.addEventListener('resize', function () {
            charts.forEach(function (chart) { chart.resize(); });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
}());
