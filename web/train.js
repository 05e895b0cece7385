// The training page: pick or upload a corpus, choose a model, start a job, and watch its curves and the attention of
// a probe sentence form, validation after validation. Everything comes from /api/training (serve --allow-training).
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';
  var state = { overview: null, corpora: [], jobs: [], live: null, source: null, frames: [], followLatest: true };

  function api(path, options) {
    return fetch(path, options).catch(function () {
      throw new Error('Cannot reach the server: is it running?');
    }).then(function (res) {
      return res.text().then(function (body) {
        var json = null;
        try { json = body ? JSON.parse(body) : null; } catch (e) { /* not JSON */ }
        if (!res.ok) {
          var err = new Error(json && json.error ? json.error : 'HTTP ' + res.status);
          err.status = res.status;
          throw err;
        }
        return json;
      });
    });
  }

  function post(path, body) {
    return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
  }

  function say(el, text, kind) {
    el.textContent = text || '';
    el.className = 'result-line' + (kind ? ' ' + kind : '');
  }

  function duration(seconds) {
    if (!(seconds >= 0) || !isFinite(seconds)) return '–';
    seconds = Math.round(seconds);
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return h ? h + ' h ' + m + ' min' : m ? m + ' min ' + s + ' s' : s + ' s';
  }

  function fmt(n, digits) { return n === null || n === undefined ? '–' : Number(n).toFixed(digits); }

  // ---------- overview, corpora, defaults ----------
  function load() {
    return api('api/training').then(function (o) {
      state.overview = o;
      $('health').className = 'health ok';
      $('health').textContent = 'online';
      if (!o.enabled) {
        $('off').hidden = false;
        $('off').textContent = 'Training is off on this server: ' + o.reason + '.';
        ['corpus-card', 'model-card'].forEach(function (id) {
          Array.prototype.forEach.call($(id).querySelectorAll('input, select, button'), function (c) { c.disabled = true; });
        });
        return;
      }
      fillDefaults(o.defaults);
      $('threads-note').textContent = 'Trains on ' + o.threads + ' of ' + o.cores + ' cores, one job at a time, so translations keep a core.';
      showCorpora(o.corpora);
      showJobs(o.jobs);
    }).catch(function (e) {
      $('health').className = 'health down';
      $('health').textContent = e.status === 404 ? 'online · no training API' : 'server unreachable';
      if (e.status === 404) {
        $('off').hidden = false;
        $('off').textContent = 'This server has no training API. Start it with serve --allow-training.';
      }
    });
  }

  function fillDefaults(d) {
    $('cell').value = d.cell;
    $('attention').value = d.attention;
    $('embedding').value = d.embedding;
    $('hidden').value = d.hidden;
    $('layers').value = d.layers;
    $('bidirectional').checked = d.bidirectional;
    $('bpe').value = d.bpeMerges;
    $('guided').value = d.guidedAlignment;
    $('epochs').value = d.epochs;
    $('minutes').value = d.maxMinutes;
    var l = state.overview.limits;
    ['embedding', 'hidden'].forEach(function (id) { $(id).max = l.maxWidth; });
    $('layers').max = l.maxLayers;
    $('epochs').max = l.maxEpochs;
    $('minutes').max = l.maxMinutes;
    $('bpe').max = l.maxBpeMerges;
  }

  function showCorpora(list, select) {
    state.corpora = list || [];
    var keep = select || $('corpus').value;
    $('corpus').textContent = '';
    state.corpora.forEach(function (c) {
      var o = document.createElement('option');
      o.value = c.name;
      o.textContent = c.name + ' (' + c.languages.join('–') + ')';
      $('corpus').appendChild(o);
    });
    if (!state.corpora.length) {
      var none = document.createElement('option');
      none.textContent = 'no corpus under corpora/ yet: upload one';
      none.value = '';
      $('corpus').appendChild(none);
    } else if (keep && state.corpora.some(function (c) { return c.name === keep; })) {
      $('corpus').value = keep;
    }
    corpusChanged();
  }

  function corpus() {
    var name = $('corpus').value;
    return state.corpora.filter(function (c) { return c.name === name; })[0] || null;
  }

  function corpusChanged() {
    var c = corpus();
    $('corpus-info').textContent = c ? c.summary + '. Checking it as training will read it…' : '';
    if (c) {
      api('api/training/corpora/' + encodeURIComponent(c.name)).then(function (r) {
        if (corpus() !== c) return;
        $('corpus-info').textContent = c.summary + '. Training: ' + r.train + '. Validation: ' + r.valid + '.';
      }).catch(function (e) {
        if (corpus() !== c) return;
        $('corpus-info').textContent = c.summary + '. This corpus cannot be trained on: ' + e.message;
      });
    }
    $('direction').textContent = '';
    if (!c) return;
    [[0, 1], [1, 0]].forEach(function (p) {
      var o = document.createElement('option');
      o.value = c.languages[p[0]];
      o.textContent = c.languages[p[0]] + ' → ' + c.languages[p[1]];
      $('direction').appendChild(o);
    });
  }

  // ---------- upload ----------
  function readFile(file) {
    return file.arrayBuffer().then(function (buffer) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      } catch (e) {
        throw new Error(file.name + ' is not valid UTF-8 text; save it as UTF-8 and try again');
      }
    });
  }

  function upload(event) {
    event.preventDefault();
    var files = $('up-files').files;
    var out = $('upload-result');
    if (!files.length || files.length > 2) { say(out, 'Choose one TSV file or two aligned files.', 'error'); return; }
    var limit = state.overview.limits.maxUploadBytes;
    var total = 0;
    for (var i = 0; i < files.length; i++) total += files[i].size;
    if (total > limit) { say(out, 'The files are ' + (total / 1048576).toFixed(1) + ' MB; the limit is ' + (limit / 1048576).toFixed(0) + ' MB.', 'error'); return; }
    say(out, 'Uploading and checking…');
    $('upload').disabled = true;
    var src = $('up-src').value.trim(), tgt = $('up-tgt').value.trim();
    var ordered = Array.prototype.slice.call(files);
    if (ordered.length === 2) {
      // Which file is which language: by its extension (x.de, x.en) when that says; a browser lists files in its own order.
      var ends = function (f, lang) { return lang && f.name.toLowerCase().endsWith('.' + lang.toLowerCase()); };
      if (ends(ordered[1], src) || ends(ordered[0], tgt)) ordered.reverse();
      if (!(ends(ordered[0], src) && ends(ordered[1], tgt))) {
        say(out, 'Name the two files by their languages (e.g. corpus.' + (src || 'en') + ' and corpus.' + (tgt || 'de') +
          ') so the page knows which is the source, or upload one TSV file.', 'error');
        $('upload').disabled = false;
        return;
      }
    }
    Promise.all(ordered.map(readFile)).then(function (texts) {
      var body = { name: $('up-name').value.trim(), sourceLanguage: src, targetLanguage: tgt };
      if (texts.length === 1) body.tsv = texts[0]; else { body.source = texts[0]; body.target = texts[1]; }
      return post('api/training/corpora', body);
    }).then(function (u) {
      say(out, 'Stored corpus ' + u.corpus.name + ': ' + u.summary + '.', 'ok');
      return api('api/training/corpora').then(function (list) {
        showCorpora(list, u.corpus.name);
        document.querySelector('input[name=corpus-source][value=pick]').click();
      });
    }).catch(function (e) {
      say(out, 'Not stored: ' + e.message, 'error');
    }).then(function () { $('upload').disabled = false; });
  }

  // ---------- start ----------
  // The job as the form describes it (null, with the reason shown in out, when no corpus is chosen).
  function jobBody(out) {
    var c = corpus();
    if (!c) { say(out, 'Pick or upload a corpus first.', 'error'); return null; }
    var body = {
      name: $('name').value.trim(), corpus: c.name, sourceLanguage: $('direction').value,
      cell: $('cell').value, attention: $('attention').value, embedding: +$('embedding').value, hidden: +$('hidden').value,
      layers: +$('layers').value, bidirectional: $('bidirectional').checked, bpeMerges: +$('bpe').value,
      guidedAlignment: +$('guided').value,
      epochs: +$('epochs').value, maxMinutes: +$('minutes').value
    };
    var probe = $('probe').value.trim();
    if (probe) body.probe = probe;
    return body;
  }

  // Times a few steps of this model on this corpus on the server: the measured speed gives the time per epoch.
  function estimate() {
    var out = $('estimate-result');
    var body = jobBody(out);
    if (!body) return;
    body.name = 'estimate';
    say(out, 'Measuring a few training steps…');
    $('estimate').disabled = true;
    post('api/training/estimate', body).then(function (e) {
      var epochs = +$('epochs').value || 1;
      say(out, 'About ' + duration(e.secondsPerEpoch) + ' per epoch, ' + duration(e.secondsPerEpoch * epochs) + ' for ' + epochs +
        ' epochs (' + Math.round(e.tokensPerSecond) + ' target tokens/s measured now on ' + e.threads + ' thread' +
        (e.threads > 1 ? 's' : '') + ', ' + e.tokensPerEpoch.toLocaleString('en') + ' target tokens per epoch, ' +
        e.parameters.toLocaleString('en') + ' parameters' + (e.note ? '; ' + e.note : '') + ').', 'ok');
    }).catch(function (e) {
      say(out, 'No estimate: ' + e.message, 'error');
    }).then(function () { $('estimate').disabled = false; });
  }

  function start(event) {
    event.preventDefault();
    var out = $('start-result');
    var body = jobBody(out);
    if (!body) return;
    $('start').disabled = true;
    post('api/training/jobs', body).then(function (job) {
      say(out, 'Job ' + job.name + ' created; watch it below.', 'ok');
      refreshJobs();
      watch(job.name);
    }).catch(function (e) {
      say(out, 'Not started: ' + e.message, 'error');
    }).then(function () { $('start').disabled = false; });
  }

  // ---------- jobs ----------
  function refreshJobs() {
    if (!state.overview || !state.overview.enabled) return;
    api('api/training/jobs').then(showJobs).catch(function () { /* the health line says it */ });
  }

  function showJobs(jobs) {
    state.jobs = jobs || [];
    var ul = $('jobs');
    ul.textContent = '';
    if (!state.jobs.length) {
      var li = document.createElement('li');
      li.className = 'meta';
      li.textContent = 'No jobs yet.';
      ul.appendChild(li);
    }
    state.jobs.forEach(function (j) {
      var li = document.createElement('li');
      li.className = 'job' + (state.live && state.live.name === j.name ? ' selected' : '');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'ghost small';
      b.textContent = 'Watch';
      b.setAttribute('aria-label', 'Watch ' + j.name);
      b.addEventListener('click', function () { watch(j.name); });
      var name = document.createElement('strong');
      name.textContent = j.name;
      var chip = statusChip(j.status);
      var meta = document.createElement('span');
      meta.className = 'meta';
      var r = j.request || {};
      meta.textContent = r.corpus + ', ' + r.sourceLanguage + ' → ' + (r.targetLanguage || '?') + ' · ' + (r.bidirectional ? 'bi-' : '') + r.cell + ' ' +
        r.hidden + ', ' + r.attention + (j.progress ? ' · ' + Math.round(100 * j.progress.fraction) + ' %' : '') +
        (j.error ? ' · ' + j.error : '');
      li.appendChild(name);
      li.appendChild(chip);
      li.appendChild(meta);
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  function statusChip(status) {
    var chip = document.createElement('span');
    chip.className = 'chip job-' + status.toLowerCase();
    chip.textContent = status.toLowerCase();
    return chip;
  }

  // ---------- live view ----------
  function watch(name) {
    if (state.source) state.source.close();
    state.live = { name: name, status: null, progress: null };
    state.frames = [];
    state.followLatest = true;
    $('live').hidden = false;
    $('live-name').textContent = name;
    $('log').textContent = '';
    showJobs(state.jobs);
    var source = new EventSource('api/training/jobs/' + encodeURIComponent(name) + '/events');
    state.source = source;
    source.addEventListener('snapshot', function (e) {
      var s = JSON.parse(e.data);
      state.frames = s.validations || [];
      $('log').textContent = (s.log || []).join('\n');
      head(s);
      if (s.progress) progress(s.progress);
      redraw();
    });
    source.addEventListener('status', function (e) { head(JSON.parse(e.data)); refreshJobs(); });
    source.addEventListener('progress', function (e) { progress(JSON.parse(e.data)); });
    source.addEventListener('validation', function (e) { state.frames.push(JSON.parse(e.data)); redraw(); });
    source.addEventListener('log', function (e) {
      var log = $('log');
      log.textContent += (log.textContent ? '\n' : '') + JSON.parse(e.data);
    });
    $('live').scrollIntoView({ block: 'nearest' });
  }

  function head(s) {
    state.live.status = s.status;
    state.live.resumable = s.resumable;
    var chip = $('live-status');
    chip.className = 'chip job-' + s.status.toLowerCase();
    chip.textContent = s.status.toLowerCase() + (s.error ? ': ' + s.error : '');
    $('stop').disabled = !(s.status === 'RUNNING' || s.status === 'QUEUED');
    $('resume').disabled = !(s.status === 'STOPPED' || s.status === 'FAILED');
    var link = $('use-model');
    link.hidden = !s.model || !(s.status === 'FINISHED' || s.status === 'STOPPED' || s.status === 'FAILED');
    link.href = 'index.html?model=' + encodeURIComponent(s.name);
    link.textContent = 'Translate with ' + s.name + ' →';
    $('probe-translation').lang = s.request ? (s.request.targetLanguage || '') : '';
    if (state.live.progress) progress(state.live.progress);
  }

  function progress(p) {
    state.live.progress = p;
    var done = state.live.status === 'FINISHED' || state.live.status === 'STOPPED' || state.live.status === 'FAILED';
    var pct = Math.round(1000 * p.fraction) / 10;
    var bar = $('progress');
    bar.setAttribute('aria-valuenow', String(pct));
    bar.querySelector('.bar').style.width = pct + '%';
    $('progress-text').textContent = 'epoch ' + p.epoch + ' of ' + p.epochs + ', batch ' + p.batch + ' of ' +
      p.batchesInEpoch + ' · loss ' + fmt(p.trainLoss, 3) + ' · ' + Math.round(p.tokensPerSecond) + ' target tokens/s · ' +
      (done ? 'trained for ' + duration(p.seconds) : duration(p.seconds) + ' so far, about ' + duration(p.etaSeconds) + ' to go') +
      (p.maxSeconds > 0 ? ' (time budget ' + duration(p.maxSeconds) + ')' : '');
  }

  function redraw() {
    var frames = state.frames;
    var slider = $('frame');
    slider.max = Math.max(0, frames.length - 1);
    slider.disabled = frames.length < 2;
    if (state.followLatest) slider.value = slider.max;
    lineChart($('loss-chart'), frames, [
      { key: 'trainLoss', label: 'training', color: '#1d5fd1' },
      { key: 'validationLoss', label: 'validation', color: '#c2410c' }]);
    lineChart($('bleu-chart'), frames, [{ key: 'bleu', label: 'BLEU', color: '#15803d' }], 0);
    showFrame();
  }

  function showFrame() {
    var frames = state.frames;
    if (!frames.length) {
      $('frame-label').textContent = 'no validation yet: the first comes after ' + 'a few hundred batches';
      $('probe-map').textContent = '';
      $('probe-translation').textContent = '';
      return;
    }
    var i = +$('frame').value;
    var f = frames[i];
    $('frame-label').textContent = 'validation ' + (i + 1) + ' of ' + frames.length + ' · step ' + f.step + ' · epoch ' +
      f.epoch + ' · val loss ' + fmt(f.validationLoss, 3) + (f.bleu !== null ? ' · BLEU ' + fmt(f.bleu, 1) : '');
    $('probe-translation').textContent = f.translation === null ? '' : '→ ' + (f.translation || '(empty)');
    heatmap($('probe-map'), f.sourceTokens, f.targetTokens, f.alignment);
  }

  // ---------- drawing ----------
  function node(name, attrs, parent) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(n);
    return n;
  }

  // One line per series over the validations' steps; floor (if given) bounds the axis below, e.g. 0 for BLEU.
  function lineChart(svg, frames, series, floor) {
    var W = 420, H = 200, L = 44, R = 10, T = 12, B = 30;
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.textContent = '';
    var xs = frames.map(function (f) { return f.step; });
    var values = [];
    series.forEach(function (s) { frames.forEach(function (f) { if (f[s.key] !== null && f[s.key] !== undefined) values.push(f[s.key]); }); });
    if (!values.length) {
      node('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'class': 'chart-empty' }, svg).textContent = 'waiting for the first validation';
      return;
    }
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, values), y1 = Math.max.apply(null, values);
    if (x1 === x0) { x0 -= 1; x1 += 1; }
    if (y1 === y0) { y0 -= 1; y1 += 1; }
    var pad = (y1 - y0) * 0.08; y0 -= pad; y1 += pad;
    if (floor !== undefined) y0 = Math.max(floor, y0);
    var sx = function (x) { return L + (W - L - R) * (x - x0) / (x1 - x0); };
    var sy = function (y) { return T + (H - T - B) * (1 - (y - y0) / (y1 - y0)); };
    for (var k = 0; k <= 4; k++) {
      var v = y0 + (y1 - y0) * k / 4;
      node('line', { x1: L, x2: W - R, y1: sy(v), y2: sy(v), 'class': 'grid' }, svg);
      node('text', { x: L - 6, y: sy(v) + 4, 'text-anchor': 'end', 'class': 'tick' }, svg).textContent = v.toFixed(v >= 10 ? 0 : 2);
    }
    node('text', { x: L, y: H - 8, 'class': 'tick' }, svg).textContent = 'step ' + x0;
    node('text', { x: W - R, y: H - 8, 'text-anchor': 'end', 'class': 'tick' }, svg).textContent = 'step ' + x1;
    series.forEach(function (s, si) {
      var pts = frames.filter(function (f) { return f[s.key] !== null && f[s.key] !== undefined; })
        .map(function (f) { return sx(f.step).toFixed(1) + ',' + sy(f[s.key]).toFixed(1); });
      node('polyline', { points: pts.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2 }, svg);
      pts.forEach(function (p) { var xy = p.split(','); node('circle', { cx: xy[0], cy: xy[1], r: 2.5, fill: s.color }, svg); });
      node('text', { x: W - R - 4, y: T + 12 + 14 * si, 'text-anchor': 'end', fill: s.color, 'class': 'legend' }, svg).textContent = s.label;
    });
  }

  function heatmap(box, src, tgt, alignment) {
    box.textContent = '';
    if (!alignment || !alignment.length) return;
    var rows = tgt.concat(['</s>']).slice(0, alignment.length);
    var cell = 26, left = 8 + 7.2 * Math.max.apply(null, rows.map(function (t) { return t.length; })), top = 8 + 7.2 * Math.max.apply(null, src.map(function (t) { return t.length; }));
    left = Math.min(left, 160); top = Math.min(top, 140);
    var W = left + cell * src.length + 8, H = top + cell * rows.length + 8;
    var svg = node('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img',
      'aria-label': 'Attention of the probe sentence: ' + rows.length + ' target tokens by ' + src.length + ' source tokens' });
    src.forEach(function (t, j) {
      var x = left + cell * j + cell / 2;
      node('text', { x: x, y: top - 6, transform: 'rotate(-50 ' + x + ' ' + (top - 6) + ')', 'class': 'axis' }, svg).textContent = t;
    });
    rows.forEach(function (t, i) {
      node('text', { x: left - 6, y: top + cell * i + cell / 2 + 4, 'text-anchor': 'end', 'class': 'axis' + (t === '</s>' ? ' special' : '') }, svg).textContent = t;
      alignment[i].forEach(function (w, j) {
        var r = node('rect', { x: left + cell * j, y: top + cell * i, width: cell - 1, height: cell - 1, fill: blue(w) }, svg);
        node('title', {}, r).textContent = t + ' ← ' + src[j] + ': ' + (100 * w).toFixed(1) + ' %';
      });
    });
    box.appendChild(svg);
  }

  // White to dark blue, on the absolute weight.
  function blue(w) {
    var a = [247, 251, 255], b = [8, 48, 107];
    var t = Math.max(0, Math.min(1, w));
    return 'rgb(' + a.map(function (c, k) { return Math.round(c + (b[k] - c) * t); }).join(',') + ')';
  }

  // ---------- wiring ----------
  Array.prototype.forEach.call(document.querySelectorAll('input[name=corpus-source]'), function (r) {
    r.addEventListener('change', function () {
      var upload = document.querySelector('input[name=corpus-source]:checked').value === 'upload';
      $('upload-field').hidden = !upload;
      $('pick-field').hidden = upload;
    });
  });
  $('corpus').addEventListener('change', corpusChanged);
  $('upload-field').addEventListener('submit', upload);
  $('job-form').addEventListener('submit', start);
  $('estimate').addEventListener('click', estimate);
  $('frame').addEventListener('input', function () {
    state.followLatest = +$('frame').value === +$('frame').max;
    showFrame();
  });
  $('stop').addEventListener('click', function () {
    post('api/training/jobs/' + encodeURIComponent(state.live.name) + '/stop').then(head)
      .catch(function (e) { $('progress-text').textContent = e.message; });
  });
  $('resume').addEventListener('click', function () {
    post('api/training/jobs/' + encodeURIComponent(state.live.name) + '/resume').then(function (s) { head(s); watch(s.name); })
      .catch(function (e) { $('progress-text').textContent = e.message; });
  });

  load();
  setInterval(refreshJobs, 3000);
}());
