// The translate page's step-by-step replay: the search run again on the first line with every step recorded
// (POST /api/replay), shown one step at a time: the live hypotheses with their attention rows, and the next words
// the beam weighed, each kept, finished (ended with </s>) or dropped.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var replay = null;

  function reset(note) {
    replay = null;
    $('replay').hidden = true;
    $('replay-note').textContent = note || '';
  }

  function start() {
    var line = $('source').value.split('\n').filter(function (l) { return l.trim(); })[0];
    if (!line) { reset('Type a sentence first.'); return; }
    var body = window.nmt4j.searchOptions({ text: line, model: $('model').value || null, beam: +$('beam').value || 1 });
    $('replay-start').disabled = true;
    $('replay-note').textContent = 'Searching…';
    fetch('api/replay', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (json) {
          if (!res.ok) throw new Error(json && json.error ? json.error : 'HTTP ' + res.status);
          return json;
        });
      })
      .then(function (r) {
        replay = r;
        $('replay').hidden = false;
        var slider = $('replay-step');
        slider.max = r.steps.length - 1;
        slider.value = 0;
        $('replay-note').textContent = 'Beam ' + r.beam + ' on "' + line + '": ' + r.steps.length + ' steps to "' +
          r.translation + '" (' + r.millis + ' ms). Units are the model\'s own (subwords for a subword model). ' +
          'Score = the log-probability the beam ranks by; a finished hypothesis is then ranked with the length and ' +
          'coverage penalties.';
        show();
      })
      .catch(function (e) { reset('No replay: ' + e.message); })
      .then(function () { $('replay-start').disabled = false; });
  }

  function show() {
    if (!replay) return;
    var t = +$('replay-step').value;
    var step = replay.steps[t];
    $('replay-prev').disabled = t === 0;
    $('replay-next').disabled = t === replay.steps.length - 1;
    $('replay-label').textContent = 'step ' + (t + 1) + ' of ' + replay.steps.length + ' · ' + step.live.length +
      ' hypothes' + (step.live.length === 1 ? 'is' : 'es');
    var live = $('replay-live');
    live.textContent = '';
    step.live.forEach(function (h, i) {
      var li = document.createElement('li');
      var head = document.createElement('div');
      head.className = 'replay-prefix';
      head.textContent = '#' + (i + 1) + '  <s> ' + h.prefix.join(' ') + '   (log P ' + h.logProb.toFixed(2) + ')';
      li.appendChild(head);
      li.appendChild(attentionRow(replay.srcTokens, h.attention));
      live.appendChild(li);
    });
    var body = $('replay-candidates');
    body.textContent = '';
    step.candidates.forEach(function (c) {
      var tr = document.createElement('tr');
      tr.className = 'outcome-' + c.outcome;
      [ '#' + (c.from + 1), c.token, c.logProb.toFixed(2), c.score.toFixed(2), c.outcome ].forEach(function (v, k) {
        var td = document.createElement('td');
        td.textContent = v;
        if (k === 4) td.className = 'chip-cell';
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  // The source tokens, each shaded by the weight this hypothesis's next token gave it (white 0, dark blue 1).
  function attentionRow(src, weights) {
    var row = document.createElement('div');
    row.className = 'replay-attention';
    src.forEach(function (t, j) {
      var w = weights[j] || 0;
      var span = document.createElement('span');
      span.textContent = t;
      span.title = t + ': ' + (100 * w).toFixed(1) + ' %';
      var c = [247, 251, 255].map(function (a, k) { return Math.round(a + ([8, 48, 107][k] - a) * w); });
      span.style.background = 'rgb(' + c.join(',') + ')';
      span.style.color = w > 0.45 ? '#fff' : '#1c2430';
      row.appendChild(span);
    });
    return row;
  }

  $('replay-start').addEventListener('click', start);
  $('replay-step').addEventListener('input', show);
  $('replay-prev').addEventListener('click', function () { $('replay-step').value = +$('replay-step').value - 1; show(); });
  $('replay-next').addEventListener('click', function () { $('replay-step').value = +$('replay-step').value + 1; show(); });
  // A new translation, another model or other text: the old replay no longer describes what is shown.
  $('translate').addEventListener('click', function () { reset(); });
  $('model').addEventListener('change', function () { reset(); });
}());
