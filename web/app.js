// nmt4j page: talks to /api/*, draws the alignment matrix as SVG. No libraries, no network beyond this server.
(function () {
  'use strict';

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
  var EOS = '</s>';
  // ColorBrewer "Blues", light to dark: weight 0 is almost white, weight 1 is deep blue.
  var RAMP = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

  var $ = function (id) { return document.getElementById(id); };
  var el = {
    model: $('model'), modelInfo: $('model-info'), source: $('source'), beam: $('beam'), nbest: $('nbest'),
    counter: $('counter'), translate: $('translate'), error: $('error'), intro: $('intro'), result: $('result'),
    score: $('score'), copy: $('copy'), tgt: $('tgt-sentence'), src: $('src-sentence'), notes: $('notes'),
    shape: $('matrix-shape'), heatmap: $('heatmap'), nbestCard: $('nbest-card'), nbestList: $('alternatives'),
    tooltip: $('tooltip'), attribution: $('attribution'), health: $('health'),
    dlSvg: $('dl-svg'), dlPng: $('dl-png'), dlJson: $('dl-json'), wordsOnly: $('words-only'),
    subwordUnits: $('subword-units'), subwordUnitsLabel: $('subword-units-label')
  };

  // Align-a-pair mode: elements of its own, so the translate mode's wiring stays as it was.
  var alignEl = {
    target: $('target'), targetField: $('target-field'), probs: $('probs'), probsList: $('probs-list'),
    probsMeta: $('probs-meta'), modes: document.querySelectorAll('input[name="mode"]'),
    resultLabel: document.querySelector('.output-card .sentence-head .field-label')
  };

  var state = {
    models: [],
    limits: { maxChars: 1000, maxBeam: 16, defaultBeam: 5 },
    response: null,   // last /api/translate answer
    selected: 0,      // index into response.nbest
    matrix: null      // geometry of the drawn heatmap, for highlighting
  };

  // ---------------------------------------------------------------- API

  function api(path, options) {
    return fetch(path, options).then(function (res) {
      return res.text().then(function (body) {
        var json = null;
        try { json = body ? JSON.parse(body) : null; } catch (e) { /* not JSON: report the status */ }
        if (!res.ok) {
          var message = json && json.error ? json.error : 'HTTP ' + res.status + ' ' + res.statusText;
          var err = new Error(message);
          err.status = res.status;
          throw err;
        }
        return json;
      });
    });
  }

  function loadModels() {
    return api('api/models').then(function (data) {
      state.models = data.models || [];
      state.limits = data.limits || state.limits;
      el.beam.max = state.limits.maxBeam;
      if (+el.beam.value > state.limits.maxBeam) el.beam.value = state.limits.maxBeam;
      syncNbestLimit();
      el.model.textContent = '';
      state.models.forEach(function (m) {
        var option = document.createElement('option');
        option.value = m.name;
        option.textContent = optionLabel(m);
        el.model.appendChild(option);
      });
      if (data.defaultModel) el.model.value = data.defaultModel;
      if (!state.models.length) {
        var none = document.createElement('option');
        none.textContent = 'no models installed';
        el.model.appendChild(none);
        el.model.disabled = true;
      }
      showModelInfo();
      updateCounter();
    }).catch(function (e) { showError('Could not load the model list: ' + e.message); });
  }

  function loadHealth() {
    api('api/health').then(function (h) {
      el.health.className = 'health ok';
      el.health.textContent = 'online · ' + h.readyModels + '/' + h.models + ' models ready';
    }).catch(function (e) {
      el.health.className = 'health down';
      // 503 from /api/health: the server is up but no model can translate
      el.health.textContent = e.status === 503 ? 'online · no model can translate' : 'server unreachable';
    });
  }

  function translate() {
    if (mode() === 'align') { alignPair(); return; }
    var text = el.source.value;
    hideError();
    if (!text.trim()) { showError('Type some text to translate first.'); el.source.focus(); return; }
    var body = { text: text, model: el.model.value || null, beam: toInt(el.beam.value), nbest: toInt(el.nbest.value) };
    send(body);
  }

  // Asks for the translation, in words or (for a subword model, "subword units" ticked) in subwords.
  function send(body) {
    if (el.subwordUnits.checked) body.granularity = 'subword'; else delete body.granularity;
    state.lastBody = body;
    setBusy(true);
    api('api/translate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (res) {
      state.response = res;
      alignEl.probs.hidden = true;
      showResult(0);
    }).catch(function (e) {
      showError(e.message);
      if (e.status === undefined) loadHealth();
    }).then(function () { setBusy(false); });
  }

  // ---------------------------------------------------------------- align a pair

  function mode() {
    var checked = document.querySelector('input[name="mode"]:checked');
    return checked ? checked.value : 'translate';
  }

  // Switching mode shows the target box (align) or beam and n-best (translate), and clears the other mode's result.
  function setMode() {
    var align = mode() === 'align';
    alignEl.targetField.hidden = !align;
    el.beam.closest('.number-field').hidden = align;
    el.nbest.closest('.number-field').hidden = align;
    el.translate.querySelector('.label').textContent = align ? 'Align' : 'Translate';
    el.source.placeholder = align ? 'Type a source sentence…' : 'Type a sentence to translate…';
    alignEl.resultLabel.textContent = align ? 'Given translation' : 'Translation';
    hideError();
    clearHighlight();
    state.response = null;
    state.lastBody = null;   // ticking "subword units" must not bring back a translation in align mode
    el.result.hidden = true;
    el.intro.hidden = false;
  }

  // POST /api/align, then draw the teacher-forced matrix with the translate mode's code and list the probabilities.
  function alignPair() {
    var source = el.source.value, target = alignEl.target.value;
    hideError();
    if (!source.trim()) { showError('Type a source sentence first.'); el.source.focus(); return; }
    if (!target.trim()) { showError('Type a translation of it to align.'); alignEl.target.focus(); return; }
    setBusy(true);
    api('api/align', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: el.model.value || null, source: source, target: target })
    }).then(function (res) {
      var words = res.tgtTokens.filter(function (t) { return t !== EOS; });
      state.response = {
        model: res.model, millis: res.millis, srcTokens: res.srcTokens, truncated: res.truncated, aligned: res,
        nbest: [{ translation: words.join(' '), score: res.logProb, tgtTokens: res.tgtTokens, alignment: res.alignment,
          unkReplaced: res.tgtTokens.map(function () { return false; }) }]
      };
      showResult(0);
      el.score.textContent = 'log P ' + formatScore(res.logProb) + ' · teacher-forced · ' + res.model + ' · ' + res.millis + ' ms';
      renderProbabilities(res);
    }).catch(function (e) {
      showError(e.message);
      if (e.status === undefined) loadHealth();
    }).then(function () { setBusy(false); });
  }

  function renderProbabilities(res) {
    alignEl.probsList.textContent = '';
    res.tgtTokens.forEach(function (t, i) {
      var p = res.probabilities[i];
      var li = document.createElement('li');
      li.dataset.index = i;
      var name = document.createElement('span');
      name.className = 'p-token' + (t === EOS ? ' special' : '');
      name.textContent = t;
      var bar = document.createElement('span');
      bar.className = 'p-bar';
      bar.setAttribute('aria-hidden', 'true');
      var fill = document.createElement('span');
      fill.style.width = (100 * p).toFixed(1) + '%';
      bar.appendChild(fill);
      var value = document.createElement('span');
      value.className = 'p-value';
      value.textContent = formatProbability(p);
      li.appendChild(name);
      li.appendChild(bar);
      li.appendChild(value);
      if (res.unknownTarget[i]) {
        var unk = document.createElement('span');
        unk.className = 'p-unk';
        unk.textContent = 'unknown word (<unk>)';
        li.appendChild(unk);
      }
      alignEl.probsList.appendChild(li);
    });
    alignEl.probsMeta.textContent = 'given the source and the words before it; links: ' + (res.pharaoh || 'none');
    alignEl.probs.hidden = false;
  }

  function formatProbability(p) {
    return p >= 0.001 ? (100 * p).toFixed(1) + ' %' : p.toExponential(1);
  }

  function toInt(value) {
    var n = Number(value);
    return Number.isInteger(n) ? n : value;   // let the server say what is wrong with non-integers
  }

  // ---------------------------------------------------------------- input side

  function optionLabel(m) {
    var parts = [m.name];
    if (m.sourceLanguage && m.targetLanguage) parts.push(m.sourceLanguage + ' → ' + m.targetLanguage);
    if (m.validationBleu != null) parts.push('BLEU ' + m.validationBleu.toFixed(1));
    if (m.status !== 'ready') parts.push(m.status);
    return parts.join(' · ');
  }

  function currentModel() {
    for (var i = 0; i < state.models.length; i++) if (state.models[i].name === el.model.value) return state.models[i];
    return null;
  }

  function chip(text, cls, title) {
    var c = document.createElement('span');
    c.className = 'chip' + (cls ? ' ' + cls : '');
    c.textContent = text;
    if (title) c.title = title;
    return c;
  }

  function showModelInfo() {
    var m = currentModel();
    el.modelInfo.textContent = '';
    if (!m) return;
    if (m.sourceLanguage && m.targetLanguage) {
      el.modelInfo.appendChild(chip(m.sourceLanguage + ' → ' + m.targetLanguage, 'lang', 'Language pair'));
    }
    if (m.cell) el.modelInfo.appendChild(chip((m.bidirectional ? 'bi-' : '') + m.cell.toUpperCase(), '', 'Recurrent cell' + (m.bidirectional ? ', bidirectional encoder' : '')));
    if (m.attention) el.modelInfo.appendChild(chip(m.attention + ' attention', '', 'Attention kind'));
    if (m.validationBleu != null) el.modelInfo.appendChild(chip('BLEU ' + m.validationBleu.toFixed(1), '', 'Best validation BLEU during training'));
    var statusClass = 'status-' + m.status.replace(/\s+/g, '');
    el.modelInfo.appendChild(chip(m.status === 'not loaded' ? 'loads on first use' : m.status, statusClass, 'Model status'));
    if (m.error) {
      var e = document.createElement('div');
      e.className = 'model-error';
      e.textContent = m.error;
      el.modelInfo.appendChild(e);
    }
    el.attribution.textContent = m.attribution || '';
  }

  function syncNbestLimit() {
    var beam = Math.max(1, Math.min(toInt(el.beam.value) || 1, state.limits.maxBeam));
    el.nbest.max = beam;
    if (+el.nbest.value > beam) el.nbest.value = beam;
  }

  function updateCounter() {
    var n = Array.from(el.source.value).length;   // code points, as the server counts
    el.counter.textContent = n + ' / ' + state.limits.maxChars;
    el.counter.classList.toggle('over', n > state.limits.maxChars);
  }

  function setBusy(busy) {
    el.translate.disabled = busy;
    var spinner = el.translate.querySelector('.spinner');
    if (busy && !spinner) {
      spinner = document.createElement('span');
      spinner.className = 'spinner';
      el.translate.insertBefore(spinner, el.translate.firstChild);
    } else if (!busy && spinner) {
      spinner.remove();
    }
    el.translate.classList.toggle('busy', busy);
    el.translate.setAttribute('aria-busy', String(busy));
  }

  function showError(message) {
    el.error.textContent = message;
    el.error.hidden = false;
  }

  function hideError() {
    el.error.hidden = true;
    el.error.textContent = '';
  }

  // ---------------------------------------------------------------- result

  function hypothesis(index) {
    return state.response.nbest[index] || state.response;
  }

  function showResult(index) {
    var res = state.response;
    var h = hypothesis(index);
    state.selected = index;
    el.intro.hidden = true;
    el.result.hidden = false;

    el.score.textContent = 'score ' + formatScore(h.score) + ' · ' + res.model + ' · ' + res.millis + ' ms';
    renderTokens(el.tgt, h.tgtTokens, h.unkReplaced, 'tgt');
    renderTokens(el.src, res.srcTokens, null, 'src');
    el.subwordUnitsLabel.hidden = !res.subwords;

    el.notes.textContent = '';
    if (h.unkReplaced.some(Boolean)) {
      var key = document.createElement('span');
      key.innerHTML = '<span class="unk-key">underlined</span> words were unknown to the model (&lt;unk&gt;) and copied from the source';
      el.notes.appendChild(key);
    }
    if (res.truncated) {
      var warn = document.createElement('span');
      warn.className = 'warn';
      warn.textContent = 'The input was longer than the model accepts and was cut.';
      el.notes.appendChild(warn);
    }

    drawMatrix();
    renderNbest();
  }

  // Draws the selected hypothesis's matrix: the raw attention, or (the default) with the source </s> column
  // left out and each row rescaled over the source words. Recurrent encoders often park much of the attention
  // on </s>, whose state summarises the sentence; without that column the word-to-word alignment is readable.
  function drawMatrix() {
    var res = state.response;
    if (!res) return;
    var h = hypothesis(state.selected);
    var src = res.srcTokens, alignment = h.alignment, raw = h.alignment;
    var hide = el.wordsOnly.checked && src.length > 1 && src[src.length - 1] === EOS;
    if (hide) {
      src = src.slice(0, -1);
      alignment = raw.map(function (row) {
        var words = row.slice(0, -1);
        var sum = words.reduce(function (a, b) { return a + b; }, 0);
        return words.map(function (w) { return sum > 0 ? w / sum : 0; });
      });
    }
    el.shape.textContent = h.tgtTokens.length + ' × ' + src.length + (hide ? ' (</s> column hidden)' : '');
    drawHeatmap(src, h.tgtTokens, alignment);
    state.matrix.raw = raw;
    state.matrix.rescaled = hide;
  }

  function formatScore(s) {
    return (s < 0 ? '−' : '') + Math.abs(s).toFixed(2);
  }

  function renderTokens(container, tokens, replaced, axis) {
    container.textContent = '';
    tokens.forEach(function (t, i) {
      var span = document.createElement('span');
      span.className = 'tok';
      if (t === EOS || t === '<s>') span.classList.add('special');
      if (replaced && replaced[i]) {
        span.classList.add('unk');
        span.title = 'The model wrote <unk> here; this word was copied from the source';
      }
      span.textContent = t;
      span.tabIndex = 0;
      span.dataset.axis = axis;
      span.dataset.index = i;
      container.appendChild(span);
    });
  }

  function renderNbest() {
    var list = state.response.nbest;
    el.nbestCard.hidden = list.length < 2;
    el.nbestCard.parentElement.classList.toggle('single', list.length < 2);
    el.nbestList.textContent = '';
    list.forEach(function (h, i) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'alt';
      b.dataset.index = i;
      b.setAttribute('aria-pressed', String(i === state.selected));
      var rank = document.createElement('span');
      rank.className = 'rank';
      rank.textContent = i + 1;
      var text = document.createElement('span');
      text.className = 'alt-text';
      h.tgtTokens.forEach(function (t, k) {
        if (t === EOS) return;
        if (k > 0) text.appendChild(document.createTextNode(' '));
        var w = document.createElement('span');
        w.textContent = t;
        if (h.unkReplaced[k]) w.className = 'unk';
        text.appendChild(w);
      });
      var score = document.createElement('span');
      score.className = 'alt-score';
      score.textContent = 'score ' + formatScore(h.score) + (i === 0 ? ' · best' : '');
      b.appendChild(rank);
      b.appendChild(text);
      b.appendChild(score);
      li.appendChild(b);
      el.nbestList.appendChild(li);
    });
  }

  // ---------------------------------------------------------------- heatmap

  function color(w) {
    var x = Math.max(0, Math.min(1, w)) * (RAMP.length - 1);
    var i = Math.min(Math.floor(x), RAMP.length - 2);
    return mix(RAMP[i], RAMP[i + 1], x - i);
  }

  function mix(a, b, t) {
    var pa = parseInt(a.slice(1), 16), pb = parseInt(b.slice(1), 16);
    var r = Math.round(((pa >> 16) & 255) * (1 - t) + ((pb >> 16) & 255) * t);
    var g = Math.round(((pa >> 8) & 255) * (1 - t) + ((pb >> 8) & 255) * t);
    var bl = Math.round((pa & 255) * (1 - t) + (pb & 255) * t);
    return '#' + ((1 << 24) + (r << 16) + (g << 8) + bl).toString(16).slice(1);
  }

  var measureCtx = document.createElement('canvas').getContext('2d');
  function textWidth(text, size) {
    measureCtx.font = size + 'px ' + FONT;
    return measureCtx.measureText(text).width;
  }

  function svgEl(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function drawHeatmap(src, tgt, alignment) {
    var narrow = window.matchMedia('(max-width: 600px)').matches;
    var cell = narrow ? 30 : 36;
    var fontSize = 13;
    var maxSrc = Math.max.apply(null, src.map(function (t) { return textWidth(t, fontSize); }).concat([10]));
    var maxTgt = Math.max.apply(null, tgt.map(function (t) { return textWidth(t, fontSize); }).concat([10]));
    var diag = Math.SQRT1_2;   // column labels are rotated by 45 degrees
    var left = Math.ceil(maxTgt) + 14;
    var top = Math.ceil(maxSrc * diag) + 16;
    var width = left + src.length * cell + Math.ceil(maxSrc * diag) + 8;
    var height = top + tgt.length * cell + 8;

    var svg = svgEl('svg', {
      xmlns: SVG_NS, width: width, height: height, viewBox: '0 0 ' + width + ' ' + height,
      role: 'img', 'font-family': FONT, 'font-size': fontSize,
      'aria-label': 'Attention alignment: ' + tgt.length + ' target tokens by ' + src.length + ' source tokens'
    });
    svgEl('rect', { x: 0, y: 0, width: width, height: height, fill: '#ffffff' }, svg);

    var colLabels = svgEl('g', { 'class': 'col-labels' }, svg);
    src.forEach(function (t, j) {
      var x = left + j * cell + cell / 2;
      var label = svgEl('text', {
        'class': 'label', 'data-axis': 'src', 'data-index': j, fill: t === EOS ? '#8a94a3' : '#1c2430',
        transform: 'translate(' + (x - 2) + ',' + (top - 8) + ') rotate(-45)', 'text-anchor': 'start'
      }, colLabels);
      label.textContent = t;
    });

    var rowLabels = svgEl('g', { 'class': 'row-labels' }, svg);
    tgt.forEach(function (t, i) {
      var label = svgEl('text', {
        'class': 'label', 'data-axis': 'tgt', 'data-index': i, fill: t === EOS ? '#8a94a3' : '#1c2430',
        x: left - 8, y: top + i * cell + cell / 2, 'text-anchor': 'end', 'dominant-baseline': 'central'
      }, rowLabels);
      label.textContent = t;
    });

    var cells = svgEl('g', { 'class': 'cells' }, svg);
    alignment.forEach(function (row, i) {
      row.forEach(function (w, j) {
        svgEl('rect', {
          'class': 'cell', 'data-row': i, 'data-col': j, 'data-weight': w,
          x: left + j * cell, y: top + i * cell, width: cell, height: cell,
          fill: color(w), stroke: '#ffffff', 'stroke-width': 1
        }, cells);
      });
    });

    // Highlight bands for the hovered row and column, drawn above the cells.
    var band = { fill: 'none', stroke: '#f59e0b', 'stroke-width': 2.5, rx: 3, visibility: 'hidden', 'pointer-events': 'none' };
    var rowBand = svgEl('rect', Object.assign({ 'class': 'band', x: left - 1, width: src.length * cell + 2, height: cell + 2 }, band), svg);
    var colBand = svgEl('rect', Object.assign({ 'class': 'band', y: top - 1, width: cell + 2, height: tgt.length * cell + 2 }, band), svg);

    el.heatmap.textContent = '';
    el.heatmap.appendChild(svg);
    state.matrix = { svg: svg, cell: cell, left: left, top: top, rowBand: rowBand, colBand: colBand, src: src, tgt: tgt, alignment: alignment };
  }

  // ---------------------------------------------------------------- highlighting

  function clearHighlight() {
    var m = state.matrix;
    if (m) {
      m.rowBand.setAttribute('visibility', 'hidden');
      m.colBand.setAttribute('visibility', 'hidden');
      m.svg.querySelectorAll('.label.active').forEach(function (n) { n.classList.remove('active'); });
    }
    document.querySelectorAll('.tok.active').forEach(function (n) { n.classList.remove('active'); });
    document.querySelectorAll('.tok').forEach(function (n) { n.style.backgroundColor = ''; });
    el.tooltip.hidden = true;
  }

  // Highlights target row i and/or source column j (either may be null), shading the other sentence by weight.
  function highlight(i, j) {
    var m = state.matrix;
    if (!m) return;
    clearHighlight();
    if (i != null) {
      m.rowBand.setAttribute('y', m.top + i * m.cell - 1);
      m.rowBand.setAttribute('visibility', 'visible');
      activate('tgt', i);
    }
    if (j != null) {
      m.colBand.setAttribute('x', m.left + j * m.cell - 1);
      m.colBand.setAttribute('visibility', 'visible');
      activate('src', j);
    }
    if (i != null && j == null) shadeTokens(el.src, m.alignment[i]);
    if (j != null && i == null) shadeTokens(el.tgt, m.alignment.map(function (row) { return row[j]; }));
  }

  function activate(axis, index) {
    var sel = '[data-axis="' + axis + '"][data-index="' + index + '"]';
    state.matrix.svg.querySelectorAll('.label' + sel).forEach(function (n) { n.classList.add('active'); });
    document.querySelectorAll('.tok' + sel).forEach(function (n) { n.classList.add('active'); });
  }

  function shadeTokens(container, weights) {
    container.querySelectorAll('.tok').forEach(function (n, k) {
      var w = weights[k] || 0;
      n.style.backgroundColor = 'rgba(245, 158, 11, ' + (0.08 + 0.6 * w).toFixed(3) + ')';
    });
  }

  function showTooltip(target, i, j) {
    var m = state.matrix;
    var w = m.alignment[i][j];
    el.tooltip.textContent = '';
    var pair = document.createElement('div');
    pair.className = 'pair';
    var bt = document.createElement('b'); bt.textContent = m.tgt[i];
    var bs = document.createElement('b'); bs.textContent = m.src[j];
    pair.appendChild(bt);
    pair.appendChild(document.createTextNode(' ← '));
    pair.appendChild(bs);
    var weight = document.createElement('div');
    weight.className = 'weight';
    weight.textContent = m.rescaled ? w.toFixed(3) + ' of the word attention (raw ' + m.raw[i][j].toFixed(3) + ')' : w.toFixed(3);
    el.tooltip.appendChild(pair);
    el.tooltip.appendChild(weight);
    var r = target.getBoundingClientRect();
    el.tooltip.hidden = false;
    var half = el.tooltip.offsetWidth / 2 + 6;
    var x = Math.max(half, Math.min(window.innerWidth - half, r.left + r.width / 2));
    el.tooltip.style.left = x + 'px';
    el.tooltip.style.top = r.top + 'px';
  }

  function onMatrixOver(e) {
    var t = e.target;
    if (t.classList.contains('cell')) {
      var i = +t.dataset.row, j = +t.dataset.col;
      highlight(i, j);
      showTooltip(t, i, j);
    } else if (t.classList.contains('label')) {
      var idx = +t.dataset.index;
      if (t.dataset.axis === 'tgt') highlight(idx, null); else highlight(null, idx);
    }
  }

  function onTokenOver(e) {
    var t = e.target.closest('.tok');
    if (!t || !state.matrix) return;
    var idx = +t.dataset.index;
    if (t.dataset.axis === 'tgt') highlight(idx, null); else highlight(null, idx);
  }

  // ---------------------------------------------------------------- downloads

  function baseName() {
    var res = state.response;
    return 'alignment-' + (res.model || 'model').replace(/[^\w.-]+/g, '_') + '-' + (state.selected + 1);
  }

  function svgText() {
    clearHighlight();
    return new XMLSerializer().serializeToString(state.matrix.svg);
  }

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function downloadSvg() {
    download(new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n' + svgText()], { type: 'image/svg+xml' }), baseName() + '.svg');
  }

  function downloadPng() {
    var svg = state.matrix.svg;
    var w = +svg.getAttribute('width'), h = +svg.getAttribute('height'), scale = 2;
    var url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = w * scale;
      canvas.height = h * scale;
      var ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, w, h);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) { download(blob, baseName() + '.png'); }, 'image/png');
    };
    img.onerror = function () { URL.revokeObjectURL(url); showError('Could not render the PNG in this browser; try SVG.'); };
    img.src = url;
  }

  function downloadJson() {
    var res = state.response, h = hypothesis(state.selected);
    var data = {
      model: res.model, source: el.source.value, translation: h.translation, score: h.score,
      srcTokens: res.srcTokens, tgtTokens: h.tgtTokens, alignment: h.alignment, unkReplaced: h.unkReplaced
    };
    if (res.aligned) {
      data.target = alignEl.target.value;
      data.probabilities = res.aligned.probabilities;
      data.logProb = res.aligned.logProb;
      data.links = res.aligned.pharaoh;
    }
    download(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), baseName() + '.json');
  }

  // ---------------------------------------------------------------- wiring

  el.translate.addEventListener('click', translate);
  el.source.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); translate(); }
  });
  el.source.addEventListener('input', updateCounter);
  el.beam.addEventListener('input', syncNbestLimit);
  el.model.addEventListener('change', function () { showModelInfo(); hideError(); });

  el.heatmap.addEventListener('mouseover', onMatrixOver);
  el.heatmap.addEventListener('click', onMatrixOver);   // touch screens have no hover
  el.heatmap.addEventListener('mouseleave', clearHighlight);
  [el.tgt, el.src].forEach(function (container) {
    container.addEventListener('mouseover', onTokenOver);
    container.addEventListener('focusin', onTokenOver);
    container.addEventListener('mouseleave', clearHighlight);
    container.addEventListener('focusout', clearHighlight);
  });
  el.heatmap.parentElement.addEventListener('scroll', function () { el.tooltip.hidden = true; });
  window.addEventListener('scroll', function () { el.tooltip.hidden = true; }, { passive: true });

  el.nbestList.addEventListener('click', function (e) {
    var b = e.target.closest('.alt');
    if (b) showResult(+b.dataset.index);
  });

  el.copy.addEventListener('click', function () {
    var text = hypothesis(state.selected).translation;
    if (navigator.clipboard) {
      navigator.clipboard.writeText(text).then(function () {
        el.copy.textContent = 'Copied';
        setTimeout(function () { el.copy.textContent = 'Copy'; }, 1200);
      }, function () { /* clipboard refused (e.g. not a secure context): nothing to do */ });
    }
  });
  el.wordsOnly.addEventListener('change', drawMatrix);
  alignEl.modes.forEach(function (r) { r.addEventListener('change', setMode); });
  alignEl.target.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); translate(); }
  });
  // The same request again, in the other units.
  el.subwordUnits.addEventListener('change', function () {
    if (state.lastBody) send(state.lastBody);
  });
  el.dlSvg.addEventListener('click', downloadSvg);
  el.dlPng.addEventListener('click', downloadPng);
  el.dlJson.addEventListener('click', downloadJson);

  loadModels();
  loadHealth();
})();
