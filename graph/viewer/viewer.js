/* The timeline page of timeline-graph: a timeline, a graph, filters and details.
 *
 * The data is the JSON in #graph-data (see graph/viewer/__init__.py). Every value from it
 * reaches the page as text (textContent, attributes that are not URLs, http(s) links only),
 * never as markup: article text may hold anything, script tags included.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var $ = function (id) { return document.getElementById(id); };

  // ------------------------------------------------------------------ indexes
  var nodes = new Map(); // id -> {kind, item}
  data.actors.forEach(function (a) { nodes.set(a.id, { kind: "actor", item: a }); });
  data.events.forEach(function (e) { nodes.set(e.id, { kind: "event", item: e }); });
  data.claims.forEach(function (c) { nodes.set(c.id, { kind: "claim", item: c }); });
  var claimsAbout = new Map(), eventsOfClaim = new Map(), speakers = new Map();
  var claimLinks = new Map(), eventsOfActor = new Map();
  function add(map, key, value) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  }
  data.edges.forEach(function (edge) {
    if (edge.type === "ABOUT") {
      add(claimsAbout, edge.target, edge.source);
      add(eventsOfClaim, edge.source, edge.target);
    } else if (edge.type === "CLAIMED" || edge.type === "RELAYED") {
      add(speakers, edge.target, edge.source);
    } else if (edge.type === "SUPPORTS" || edge.type === "CONTRADICTS") {
      add(claimLinks, edge.source, edge);
      add(claimLinks, edge.target, edge);
    }
  });
  data.events.forEach(function (e) {
    e.participants.forEach(function (p) { add(eventsOfActor, p.id, e.id); });
  });
  function name(id) {
    var node = nodes.get(id);
    return node && node.kind === "actor" ? node.item.name : id;
  }
  function participantNames(event) {
    var names = event.participants.map(function (p) { return name(p.id); });
    return names.filter(function (n, i) { return names.indexOf(n) === i; }).sort();
  }

  // Elements from text only: children that are strings become text nodes.
  function el(tag, className, children) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === "") return;
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }
  function svg(tag, attributes) {
    var element = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (k) { element.setAttribute(k, attributes[k]); });
    return element;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // ------------------------------------------------------------------ filters
  var filters = { actor: "", type: "", from: null, to: null, contested: false };

  function fillSelects() {
    var actorSelect = $("filter-actor");
    data.actors.forEach(function (a) {
      var count = (eventsOfActor.get(a.id) || []).length;
      if (!count) return;
      var option = el("option", "", [a.name + " (" + count + ")"]);
      option.value = a.id;
      actorSelect.appendChild(option);
    });
    var types = new Map();
    data.events.forEach(function (e) { types.set(e.type, (types.get(e.type) || 0) + 1); });
    Array.from(types.keys()).sort().forEach(function (t) {
      var option = el("option", "", [t + " (" + types.get(t) + ")"]);
      option.value = t;
      $("filter-type").appendChild(option);
    });
  }

  // A day, month or year as the first (or with `last`, the last) day: "2024-03" -> 2024-03-01.
  // "" is no bound (null); anything else is not a date (undefined).
  function bound(text, last) {
    text = text.trim();
    if (!text) return null;
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return undefined;
    var year = +m[1], month = m[2] ? +m[2] : (last ? 12 : 1);
    if (month < 1 || month > 12) return undefined;
    var days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    var day = m[3] ? +m[3] : (last ? days : 1);
    if (day < 1 || day > days) return undefined;
    return m[1] + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0");
  }

  // The same rule as `timeline-graph timeline`: an event is kept when its dates can fall in
  // the range; an undated event only when there is no range.
  function matches(event) {
    if (filters.actor && !event.participants.some(function (p) { return p.id === filters.actor; }))
      return false;
    if (filters.type && event.type !== filters.type) return false;
    if (filters.contested && !event.contested) return false;
    if (filters.from && (!event.end || event.end < filters.from)) return false;
    if (filters.to && (!event.start || event.start > filters.to)) return false;
    return true;
  }

  function readFilters() {
    filters.actor = $("filter-actor").value;
    filters.type = $("filter-type").value;
    filters.contested = $("filter-contested").checked;
    [["from", false], ["to", true]].forEach(function (pair) {
      var input = $("filter-" + pair[0]), value = bound(input.value, pair[1]);
      input.classList.toggle("invalid", value === undefined);
      filters[pair[0]] = value || null;
    });
    apply();
  }

  function filtering() {
    return Boolean(filters.actor || filters.type || filters.from || filters.to || filters.contested);
  }

  function apply() {
    var shown = 0, visible = new Set();
    data.events.forEach(function (event) {
      var keep = matches(event);
      items.get(event.id).hidden = !keep;
      if (keep) { shown += 1; visible.add(event.id); }
    });
    $("shown").textContent = shown + " of " + plural(data.events.length, "event");
    $("no-events").hidden = shown > 0;
    graphView.dim(filtering() ? visible : null);
  }

  // ------------------------------------------------------------------ timeline
  var items = new Map(); // event id -> <li>

  function eventItem(event) {
    var badges = [el("span", "badge type", [event.type])];
    if (event.modality && event.modality !== "actual")
      badges.push(el("span", "badge modality", [event.modality]));
    if (event.contested) {
      var mark = el("span", "badge contested", ["contested"]);
      mark.title = "a claim about this event is contradicted by another";
      badges.push(mark);
    }
    var when = el("div", "when", [
      el("time", "", [event.date || "undated"]),
      el("span", "precision", [event.precision || ""]),
    ]);
    if (event.start) when.firstChild.setAttribute("datetime", event.start);
    var li = el("li", "event" + (event.contested ? " contested" : ""), [
      when,
      el("div", "what", [
        el("div", "badges", badges),
        el("div", "label", [event.label]),
        el("div", "who", [participantNames(event).join(", ")]),
      ]),
      el("div", "sources", [plural(event.sources, "source")]),
    ]);
    li.tabIndex = 0;
    li.dataset.id = event.id;
    li.addEventListener("click", function () { select(event.id); });
    li.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(event.id); }
    });
    return li;
  }

  // ------------------------------------------------------------------ details
  function link(text, onClick) {
    var a = el("a", "link", [text]);
    a.tabIndex = 0;
    a.addEventListener("click", function (e) { e.preventDefault(); onClick(); });
    return a;
  }
  function field(dl, term, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", "", [term]));
    dl.appendChild(el("dd", "", [value]));
  }
  function sourceLine(source) {
    var title = el("span", "", [source.title]);
    if (source.url && /^https?:\/\//i.test(source.url)) {
      title = el("a", "", [source.title]);
      title.href = source.url;
      title.rel = "noopener noreferrer";
      title.target = "_blank";
    }
    var details = [source.publisher, source.published].filter(Boolean);
    return el("cite", "", [title, details.length ? ", " + details.join(", ") : ""]);
  }
  function claimBlock(claim) {
    var who = (speakers.get(claim.id) || []).map(name).join(", ") || claim.speaker || "";
    var words = claim.direct ? "\u201c" + claim.text + "\u201d" : claim.text;
    var marks = [];
    if (claim.hedged) marks.push("hedged");
    if (claim.polarity && claim.polarity !== "positive") marks.push(claim.polarity);
    var block = el("div", "claim", [
      who ? el("strong", "", [who + (claim.cue ? " (" + claim.cue + ")" : "") + ": "]) : "",
      words,
      marks.length ? " [" + marks.join(", ") + "]" : "",
    ]);
    (claimLinks.get(claim.id) || []).forEach(function (edge) {
      var other = nodes.get(edge.source === claim.id ? edge.target : edge.source).item;
      var verb = edge.type === "CONTRADICTS" ? "contradicted by " : "supported by ";
      var line = el("div", edge.type === "CONTRADICTS" ? "badge contested" : "badge", [
        verb + ((speakers.get(other.id) || []).map(name).join(", ") || other.speaker || "a claim") +
          ": " + other.text,
      ]);
      if (edge.evidence) line.title = edge.evidence;
      block.appendChild(el("div", "", [line]));
    });
    return block;
  }

  function showEvent(event) {
    var box = $("details");
    box.replaceChildren();
    box.appendChild(el("h2", "", [event.label]));
    var dl = el("dl");
    var date = event.date
      ? event.date + " (" + event.precision + (event.date_text ? ", \u201c" + event.date_text + "\u201d" : "") +
        (event.basis ? ", " + event.basis : "") + ")"
      : "undated";
    field(dl, "date", date);
    field(dl, "type", event.type);
    field(dl, "modality", event.modality);
    if (event.participants.length) {
      var who = el("dd");
      event.participants.forEach(function (p, i) {
        if (i) who.appendChild(document.createTextNode(", "));
        who.appendChild(link(name(p.id), function () { filterActor(p.id); }));
        if (p.role) who.appendChild(document.createTextNode(" (" + p.role + ")"));
      });
      dl.appendChild(el("dt", "", ["participants"]));
      dl.appendChild(who);
    }
    field(dl, "sources", String(event.sources));
    if (event.contested) field(dl, "contested", "yes: a claim about it is contradicted");
    box.appendChild(dl);
    box.appendChild(el("h3", "", ["Evidence"]));
    event.evidence.forEach(function (source) {
      source.sentences.forEach(function (s) { box.appendChild(el("blockquote", "", [s])); });
      box.appendChild(sourceLine(source));
    });
    var claims = claimsAbout.get(event.id) || [];
    if (claims.length) {
      box.appendChild(el("h3", "", ["Claims about it"]));
      claims.forEach(function (id) { box.appendChild(claimBlock(nodes.get(id).item)); });
    }
  }

  function showClaim(claim) {
    var box = $("details");
    box.replaceChildren(el("h2", "", ["Claim"]), claimBlock(claim));
    var dl = el("dl");
    field(dl, "date", claim.date);
    field(dl, "source", claim.source);
    box.appendChild(dl);
    box.appendChild(el("blockquote", "", [claim.sentence]));
    (eventsOfClaim.get(claim.id) || []).forEach(function (id) {
      box.appendChild(el("div", "", ["about: ", link(nodes.get(id).item.label, function () { select(id); })]));
    });
  }

  function showActor(actor) {
    var box = $("details");
    box.replaceChildren(el("h2", "", [actor.name]));
    var dl = el("dl");
    field(dl, "type", actor.type);
    field(dl, "aliases", actor.aliases.join(", "));
    field(dl, "events", String((eventsOfActor.get(actor.id) || []).length));
    field(dl, "claims", String(data.edges.filter(function (e) {
      return e.type === "CLAIMED" && e.source === actor.id;
    }).length));
    box.appendChild(dl);
  }

  var selected = null;
  function select(id) {
    var node = nodes.get(id);
    if (!node) return;
    if (selected && items.has(selected)) items.get(selected).classList.remove("selected");
    selected = id;
    if (node.kind === "event") {
      var li = items.get(id);
      li.classList.add("selected");
      if (!li.hidden) li.scrollIntoView({ block: "nearest" });
      showEvent(node.item);
    } else if (node.kind === "claim") {
      showClaim(node.item);
    } else {
      showActor(node.item);
    }
    graphView.select(id);
  }

  function filterActor(id) {
    $("filter-actor").value = (eventsOfActor.get(id) || []).length ? id : "";
    readFilters();
  }

  // ------------------------------------------------------------------ graph
  // A small force layout: every node repels every other, edges pull their ends together and
  // a weak pull holds everything near the centre. It starts from the same spiral each time,
  // so the same graph gives the same picture.
  function layout(list, links, aspect) {
    var n = list.length, golden = Math.PI * (3 - Math.sqrt(5));
    var x = new Float64Array(n), y = new Float64Array(n), vx = new Float64Array(n), vy = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      var r = 12 * Math.sqrt(i + 0.5);
      x[i] = r * Math.cos(i * golden);
      y[i] = r * Math.sin(i * golden);
    }
    var alpha = 1;
    for (var step = 0; step < 300; step++) {
      for (var a = 0; a < n; a++) {
        for (var b = a + 1; b < n; b++) {
          var dx = x[b] - x[a], dy = y[b] - y[a], d2 = dx * dx + dy * dy;
          if (d2 < 1) { dx = (a - b) % 3 || 1; dy = 1; d2 = dx * dx + 1; }
          if (d2 > 90000) continue;
          var f = (900 / d2) * alpha;
          vx[a] -= dx * f / Math.sqrt(d2); vy[a] -= dy * f / Math.sqrt(d2);
          vx[b] += dx * f / Math.sqrt(d2); vy[b] += dy * f / Math.sqrt(d2);
        }
      }
      links.forEach(function (l) {
        var dx = x[l.t] - x[l.s], dy = y[l.t] - y[l.s], d = Math.sqrt(dx * dx + dy * dy) || 1;
        var f = (d - l.length) * 0.06 * alpha / d;
        vx[l.s] += dx * f; vy[l.s] += dy * f; vx[l.t] -= dx * f; vy[l.t] -= dy * f;
      });
      for (var k = 0; k < n; k++) {
        vx[k] -= (x[k] * 0.012 * alpha) / aspect; vy[k] -= y[k] * 0.012 * alpha;
        x[k] += vx[k]; y[k] += vy[k];
        vx[k] *= 0.55; vy[k] *= 0.55;
      }
      alpha = Math.max(0.02, alpha * 0.985);
    }
    return list.map(function (_, i) { return { x: x[i], y: y[i] }; });
  }

  function GraphView(svgElement) {
    var list = [].concat(
      data.actors.map(function (a) { return { id: a.id, kind: "actor", title: a.name }; }),
      data.events.map(function (e) { return { id: e.id, kind: "event", title: (e.date || "undated") + ": " + e.label, contested: e.contested }; }),
      data.claims.map(function (c) { return { id: c.id, kind: "claim", title: c.text }; })
    );
    var index = new Map(list.map(function (node, i) { return [node.id, i]; }));
    var degree = new Array(list.length).fill(0);
    var links = [];
    data.edges.forEach(function (edge) {
      var s = index.get(edge.source), t = index.get(edge.target);
      if (s === undefined || t === undefined) return;
      degree[s] += 1; degree[t] += 1;
      links.push({ s: s, t: t, type: edge.type, length: edge.type === "PRECEDES" ? 90 : 45 });
    });
    // Spread the drawing to the panel's shape: a weaker pull across a wide panel.
    var aspect = Math.min(3, Math.max(1, (svgElement.clientWidth || 1) / (svgElement.clientHeight || 1)));
    var positions = layout(list, links, aspect);
    var viewport = svg("g"), edgeLayer = svg("g"), nodeLayer = svg("g"), nameLayer = svg("g");
    viewport.append(edgeLayer, nodeLayer, nameLayer);
    svgElement.appendChild(viewport);
    var edgeElements = links.map(function (l) {
      var a = positions[l.s], b = positions[l.t];
      var line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "class": "edge " + l.type });
      edgeLayer.appendChild(line);
      return line;
    });
    var nodeElements = list.map(function (node, i) {
      var p = positions[i], shape, size = 4 + Math.min(8, Math.sqrt(degree[i]) * 1.6);
      if (node.kind === "actor") {
        shape = svg("circle", { cx: p.x, cy: p.y, r: size });
      } else if (node.kind === "event") {
        shape = svg("rect", { x: p.x - size, y: p.y - size, width: 2 * size, height: 2 * size, rx: 2 });
      } else {
        size = 5;
        shape = svg("path", { d: "M" + p.x + " " + (p.y - size) + "l" + size + " " + size + "l" + -size + " " + size + "l" + -size + " " + -size + "z" });
      }
      shape.setAttribute("class", "node " + node.kind + (node.contested ? " contested" : ""));
      shape.dataset.id = node.id;
      var tip = svg("title");
      tip.textContent = node.title;
      shape.appendChild(tip);
      shape.addEventListener("click", function (e) {
        e.stopPropagation();
        if (node.kind === "actor") filterActor(node.id);
        select(node.id);
      });
      nodeLayer.appendChild(shape);
      return shape;
    });
    var nameElements = list.map(function (node, i) {
      if (node.kind !== "actor") return null;
      var text = svg("text", { x: positions[i].x + 9, y: positions[i].y + 4, "class": "name" });
      text.textContent = node.title;
      nameLayer.appendChild(text);
      return text;
    });

    // Fit the drawing to the panel, then pan by dragging and zoom with the wheel.
    var xs = positions.map(function (p) { return p.x; }).concat([0]);
    var ys = positions.map(function (p) { return p.y; }).concat([0]);
    var box = { x: Math.min.apply(null, xs) - 30, y: Math.min.apply(null, ys) - 30 };
    box.w = Math.max.apply(null, xs) + 110 - box.x;
    box.h = Math.max.apply(null, ys) + 30 - box.y;
    var view = { x: 0, y: 0, k: 1 };
    function fit() {
      var w = svgElement.clientWidth || 600, h = svgElement.clientHeight || 400;
      view.k = Math.min(w / box.w, h / box.h);
      view.x = (w - box.w * view.k) / 2 - box.x * view.k;
      view.y = (h - box.h * view.k) / 2 - box.y * view.k;
      draw();
    }
    function draw() {
      viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
    }
    svgElement.addEventListener("wheel", function (e) {
      e.preventDefault();
      var rect = svgElement.getBoundingClientRect(), mx = e.clientX - rect.left, my = e.clientY - rect.top;
      var k = Math.min(8, Math.max(0.2, view.k * Math.exp(-e.deltaY * 0.0015)));
      view.x = mx - (mx - view.x) * (k / view.k);
      view.y = my - (my - view.y) * (k / view.k);
      view.k = k;
      draw();
    }, { passive: false });
    var drag = null;
    svgElement.addEventListener("pointerdown", function (e) {
      if (e.target !== svgElement) return;
      drag = { x: e.clientX - view.x, y: e.clientY - view.y };
      svgElement.classList.add("panning");
      svgElement.setPointerCapture(e.pointerId);
    });
    svgElement.addEventListener("pointermove", function (e) {
      if (!drag) return;
      view.x = e.clientX - drag.x; view.y = e.clientY - drag.y;
      draw();
    });
    svgElement.addEventListener("pointerup", function () { drag = null; svgElement.classList.remove("panning"); });
    window.addEventListener("resize", fit);
    fit();

    return {
      // Show only what belongs to the `visible` events (null: everything).
      dim: function (visible) {
        var keep = null;
        if (visible) {
          keep = new Set(visible);
          visible.forEach(function (id) {
            nodes.get(id).item.participants.forEach(function (p) { keep.add(p.id); });
            (claimsAbout.get(id) || []).forEach(function (c) {
              keep.add(c);
              (speakers.get(c) || []).forEach(function (s) { keep.add(s); });
            });
          });
          if (filters.actor) keep.add(filters.actor);
        }
        list.forEach(function (node, i) {
          var off = keep !== null && !keep.has(node.id);
          nodeElements[i].classList.toggle("dim", off);
          if (nameElements[i]) nameElements[i].classList.toggle("dim", off);
        });
        links.forEach(function (l, i) {
          edgeElements[i].classList.toggle("dim", keep !== null && !(keep.has(list[l.s].id) && keep.has(list[l.t].id)));
        });
      },
      select: function (id) {
        nodeElements.forEach(function (shape, i) { shape.classList.toggle("selected", list[i].id === id); });
      },
    };
  }

  // ------------------------------------------------------------------ start
  var dated = data.events.filter(function (e) { return e.start; }).length;
  $("summary").textContent = [
    plural(data.events.length, "event") + " (" + dated + " dated)",
    plural(data.actors.length, "actor"),
    plural(data.claims.length, "claim"),
    plural(data.sources, "source"),
  ].join(" \u00b7 ");
  fillSelects();
  var list = $("events");
  data.events.forEach(function (event) {
    var li = eventItem(event);
    items.set(event.id, li);
    list.appendChild(li);
  });
  var graphView = GraphView($("graph"));
  ["filter-actor", "filter-type", "filter-contested"].forEach(function (id) {
    $(id).addEventListener("change", readFilters);
  });
  ["filter-from", "filter-to"].forEach(function (id) { $(id).addEventListener("input", readFilters); });
  $("filters").addEventListener("reset", function () { setTimeout(readFilters, 0); });
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
