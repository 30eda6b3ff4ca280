// triggerpoints explorer: the page's behaviour. Plain JavaScript, no libraries, no network
// beyond the local server that sent this file (see triggerpoints/_explore.py).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const STATES = ["pain", "absent"]; // a click moves a region to the next state, then clears it
const WORDS = { pain: "pain", absent: "pain-free" };

const state = {
  regions: new Map(), // region id -> "pain" | "absent", in the order marked
  activities: new Set(),
  symptoms: new Set(),
  side: "both",
};
let names = new Map(); // region, activity and symptom ids -> display names
let docs = "";
let asked = 0; // the number of the latest ranking request: older answers are dropped
let timer = 0;

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

// --- the body map -------------------------------------------------------------------------

function zoneLabel(zone) {
  const title = zone.querySelector("title");
  const name = title ? title.textContent : zone.dataset.region;
  const now = state.regions.get(zone.dataset.region);
  return `${name}: ${now ? WORDS[now] : "not marked"}`;
}

function paintMap() {
  for (const zone of document.querySelectorAll("#map [data-region]")) {
    const now = state.regions.get(zone.dataset.region);
    zone.classList.toggle("pain", now === "pain");
    zone.classList.toggle("absent", now === "absent");
    zone.setAttribute("aria-label", zoneLabel(zone));
  }
}

function cycle(region) {
  const now = state.regions.get(region);
  const next = STATES[STATES.indexOf(now) + 1];
  if (next) state.regions.set(region, next);
  else state.regions.delete(region);
  changed();
}

function freeHatch(svg) {
  // The pain-free fill: green diagonal lines on white, so it differs from pain by more than colour.
  const defs = document.createElementNS(SVG, "defs");
  const pattern = document.createElementNS(SVG, "pattern");
  pattern.setAttribute("id", "tp-free");
  pattern.setAttribute("width", "8");
  pattern.setAttribute("height", "8");
  pattern.setAttribute("patternUnits", "userSpaceOnUse");
  pattern.setAttribute("patternTransform", "rotate(45)");
  const back = document.createElementNS(SVG, "rect");
  back.setAttribute("width", "8");
  back.setAttribute("height", "8");
  back.setAttribute("fill", "#ffffff");
  const line = document.createElementNS(SVG, "rect");
  line.setAttribute("width", "3");
  line.setAttribute("height", "8");
  line.setAttribute("fill", "#2e7d32");
  pattern.append(back, line);
  defs.append(pattern);
  svg.prepend(defs);
}

async function loadMap() {
  const response = await fetch("/api/map.svg");
  if (!response.ok) throw new Error((await response.json()).error || "the body map could not be drawn");
  const parsed = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
  const svg = document.importNode(parsed.documentElement, true);
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Body map");
  freeHatch(svg);
  for (const zone of svg.querySelectorAll("[data-region]")) {
    zone.setAttribute("tabindex", "0");
    zone.setAttribute("role", "button");
    zone.addEventListener("click", () => cycle(zone.dataset.region));
    zone.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        cycle(zone.dataset.region);
      }
    });
  }
  $("map").replaceChildren(svg);
  paintMap();
}

// --- the pickers ------------------------------------------------------------------------

function choices(kind, items, chosen) {
  const box = $(kind);
  box.replaceChildren(
    ...items.map((item) => {
      const input = el("input", { type: "checkbox", value: item.id, "data-kind": kind });
      input.addEventListener("change", () => {
        if (input.checked) chosen.add(item.id);
        else chosen.delete(item.id);
        changed();
      });
      return el("label", {}, input, " " + item.name);
    }),
  );
  $(`${kind}-filter`).addEventListener("input", (event) => {
    const words = event.target.value.trim().toLowerCase();
    for (const label of box.querySelectorAll("label")) {
      label.hidden = Boolean(words) && !label.textContent.toLowerCase().includes(words);
    }
  });
}

function showMarked() {
  const box = $("marked");
  box.replaceChildren();
  for (const kind of STATES) {
    const regions = [...state.regions].filter(([, now]) => now === kind).map(([id]) => id);
    if (!regions.length) continue;
    const list = el("ul", { "aria-label": WORDS[kind] });
    for (const id of regions) {
      const remove = el("button", { type: "button", text: "remove", "aria-label": `remove ${names.get(id) || id}` });
      remove.addEventListener("click", () => {
        state.regions.delete(id);
        changed();
      });
      list.append(el("li", {}, names.get(id) || id, remove));
    }
    box.append(el("p", { text: kind === "pain" ? "Pain:" : "Pain-free:" }), list);
  }
  $("activities-count").textContent = state.activities.size ? `(${state.activities.size} chosen)` : "";
  $("symptoms-count").textContent = state.symptoms.size ? `(${state.symptoms.size} chosen)` : "";
  for (const input of document.querySelectorAll(".choices input")) {
    input.checked = (input.dataset.kind === "activities" ? state.activities : state.symptoms).has(input.value);
  }
  for (const input of document.querySelectorAll("#side input")) input.checked = input.value === state.side;
}

// --- the query ---------------------------------------------------------------------------

function query() {
  const params = new URLSearchParams();
  for (const [id, now] of state.regions) params.append(now === "pain" ? "pain" : "absent", id);
  for (const id of state.activities) params.append("activity", id);
  for (const id of state.symptoms) params.append("symptom", id);
  params.set("side", state.side);
  return params;
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const id of params.getAll("pain")) state.regions.set(id, "pain");
  for (const id of params.getAll("absent")) state.regions.set(id, "absent");
  for (const id of params.getAll("activity")) state.activities.add(id);
  for (const id of params.getAll("symptom")) state.symptoms.add(id);
  if (["left", "right", "both"].includes(params.get("side"))) state.side = params.get("side");
}

function changed() {
  paintMap();
  showMarked();
  history.replaceState(null, "", "#" + query().toString());
  clearTimeout(timer);
  timer = setTimeout(rank, 120);
}

// --- the ranking --------------------------------------------------------------------------

function nameList(ids) {
  return ids.map((id) => names.get(id) || id).join(", ");
}

function showCautions(box, cautions, heading) {
  box.replaceChildren();
  if (!cautions.length) return;
  const list = el("ul", {}, ...cautions.map((c) => el("li", {}, el("strong", { text: `${c.name}: ` }), c.caution)));
  box.append(el("div", { className: "cautions", role: "note" }, el("p", {}, el("strong", { text: heading })), list));
}

function readingText(reading) {
  // How the library read a phrase, in the words it gives (ranking model 2.0 and later).
  if (typeof reading === "string") return reading;
  if (reading.text) return reading.text;
  const regions = reading.regions ? nameList(reading.regions.map((r) => (typeof r === "string" ? r : r.id))) : "";
  return `read "${reading.phrase}" as ${regions || "nothing"}`;
}

function showReadings(data) {
  const box = $("readings");
  box.replaceChildren();
  const lines = [];
  for (const reading of [...(data.readings || []), ...(data.terms || [])]) {
    // The page sends ids, whose reading says nothing new; readings of words, and warnings, are shown.
    if (!/^[a-z]+:[a-z0-9-]+$/.test(reading.phrase || "")) lines.push(readingText(reading));
    for (const warning of reading.warnings || []) lines.push(warning);
  }
  for (const note of data.notes || []) lines.push(typeof note === "string" ? note : note.text || JSON.stringify(note));
  if (data.unresolved && data.unresolved.length) lines.push(`Not understood: ${data.unresolved.join(", ")}.`);
  if (lines.length) box.append(el("ul", { className: "readings" }, ...lines.map((line) => el("li", { text: line }))));
}

function candidateItem(candidate, shown) {
  const tied = shown.rank.startsWith("=");
  const muscleButton = el("button", { type: "button", className: "open-muscle", text: "Muscle view" });
  muscleButton.addEventListener("click", () => openMuscle(candidate.muscle.id));
  const sources = el(
    "details",
    { className: "sources" },
    el("summary", { text: `Sources (${shown.sources.length})` }),
    el("ul", {}, ...shown.sources.map((s) => el("li", { text: s.citation }))),
  );
  const label = tied ? `shared place ${shown.rank.slice(1)}` : `place ${shown.rank}`;
  return el(
    "li",
    { className: "candidate", "data-muscle": candidate.muscle.id, "data-rank": shown.rank },
    el("div", { className: tied ? "place tied" : "place", "aria-label": label, text: shown.rank }),
    el("h3", {}, candidate.muscle.name + " ", el("span", { className: "score", text: `score ${candidate.score.toFixed(2)}` })),
    el("p", { className: "evidence", text: shown.evidence }),
    el(
      "figure",
      {},
      el("img", {
        src: shown.picture,
        loading: "lazy",
        alt: `Body map of ${candidate.muscle.name}: the trigger points in its evidence (X), essential zones solid, spillover zones stippled.`,
      }),
    ),
    sources,
    el(
      "p",
      { className: "links" },
      muscleButton,
      el("a", { href: shown.links.gallery, text: "Picture in the docs" }),
      el("a", { href: shown.links.reference, text: "Dataset reference" }),
    ),
  );
}

function showRanking(answer) {
  const data = answer.ranking;
  for (const [id, name] of Object.entries(answer.names)) names.set(id, name);
  showReadings(data);
  showCautions($("cautions"), answer.cautions, "Caution");
  const list = $("candidates");
  list.replaceChildren(...data.candidates.map((candidate, i) => candidateItem(candidate, answer.shown[i])));
  $("ties").hidden = !answer.shown.some((shown) => shown.rank.startsWith("="));
  const pain = state.regions.size ? nameList([...state.regions].filter(([, s]) => s === "pain").map(([id]) => id)) : "";
  $("status").textContent = data.candidates.length
    ? `${data.candidates.length} candidates${pain ? " for pain in: " + pain : ""}.`
    : "No muscle in the dataset refers pain to what is marked.";
}

async function rank() {
  const params = query();
  const number = ++asked;
  const empty = !state.regions.size && !state.activities.size && !state.symptoms.size;
  if (empty) {
    $("status").textContent = "Mark where it hurts on the body map.";
    $("candidates").replaceChildren();
    $("cautions").replaceChildren();
    $("readings").replaceChildren();
    $("ties").hidden = true;
    $("results").dataset.query = params.toString();
    return;
  }
  $("status").textContent = "Ranking\u2026";
  $("results").setAttribute("aria-busy", "true");
  try {
    const answer = await getJSON("/api/rank?" + params.toString());
    if (number === asked) {
      showRanking(answer);
      $("results").dataset.query = params.toString(); // what the ranking shown answers (tests wait for it)
    }
  } catch (error) {
    if (number === asked) {
      $("candidates").replaceChildren();
      $("status").replaceChildren(el("span", { className: "error", text: error.message }));
    }
  } finally {
    if (number === asked) $("results").removeAttribute("aria-busy");
  }
}

// --- a muscle ----------------------------------------------------------------------------

function facts(pairs) {
  const list = el("dl", { className: "facts" });
  for (const [term, value] of pairs) if (value) list.append(el("dt", { text: term }), el("dd", { text: value }));
  return list;
}

function pointBlock(point) {
  const block = el("div", { className: "point" }, el("h4", { text: `${point.label}` }));
  const zones = ["essential", "spillover"].map((zone) => [
    `${zone} zone`,
    point.referrals.filter((r) => r.zone === zone).map((r) => r.name + (r.laterality !== "ipsilateral" ? ` (${r.laterality})` : "")).join(", "),
  ]);
  block.append(
    facts([
      ["Where", point.location],
      ["Finding it", point.palpation],
      ...zones,
      ["Spared", point.spared.map((s) => s.name).join(", ")],
      ["Note", point.note],
    ]),
  );
  return block;
}

function relationItem(relation) {
  const open = el("button", { type: "button", text: relation.other.name });
  open.addEventListener("click", () => openMuscle(relation.other.id));
  const words = `${relation.source.name} \u2192 ${relation.kind} \u2192 ${relation.target.name}: ${relation.mechanism} `;
  return el("li", {}, words, open);
}

async function openMuscle(id) {
  const section = $("muscle");
  const body = $("muscle-body");
  section.hidden = false;
  body.replaceChildren(el("p", { text: "Loading\u2026" }));
  try {
    const muscle = await getJSON("/api/muscle?" + new URLSearchParams({ id, side: state.side }).toString());
    $("muscle-title").textContent = muscle.name + (muscle.aliases.length ? ` (${muscle.aliases.join(", ")})` : "");
    const parts = [
      facts([
        ["Body area", muscle.body_area.replaceAll("-", " ")],
        ["Where", muscle.location],
        ["Action", muscle.action],
      ]),
      el("figure", {}, el("img", { src: muscle.picture, alt: `Body map of ${muscle.name}: its trigger points (X) and referral zones, essential solid, spillover stippled.` })),
      el("h3", { text: `Trigger points (${muscle.trigger_points.length})` }),
      ...muscle.trigger_points.map(pointBlock),
    ];
    const cautions = el("div");
    showCautions(cautions, muscle.cautions, "Caution for the regions its pattern reaches");
    parts.push(cautions);
    if (muscle.relations.length) parts.push(el("h3", { text: "Relations" }), el("ul", { className: "relations" }, ...muscle.relations.map(relationItem)));
    const linked = [
      ["Factors", muscle.factors.map((f) => `${f.name} (${f.kind})`).join("; ")],
      ["Symptoms", muscle.symptoms.map((s) => s.name).join("; ")],
    ];
    parts.push(facts(linked));
    parts.push(
      el("h3", { text: "Sources" }),
      el("ul", { className: "sources" }, ...muscle.sources.map((s) => el("li", { text: s.citation }))),
      el(
        "p",
        { className: "links" },
        el("a", { href: muscle.links.gallery, text: "Picture in the docs" }),
        el("a", { href: muscle.links.reference, text: "Dataset reference" }),
      ),
    );
    body.replaceChildren(...parts);
  } catch (error) {
    body.replaceChildren(el("p", { className: "error", text: error.message }));
  }
  section.focus();
  section.scrollIntoView({ block: "start" });
}

// --- start ------------------------------------------------------------------------------

function pickRegion(kind) {
  const id = $("region-pick").value;
  if (id) {
    state.regions.set(id, kind);
    changed();
  }
}

async function start() {
  readHash();
  $("muscle-close").addEventListener("click", () => {
    $("muscle").hidden = true;
    $("results").focus();
  });
  $("clear").addEventListener("click", () => {
    state.regions.clear();
    state.activities.clear();
    state.symptoms.clear();
    changed();
  });
  $("pick-pain").addEventListener("click", () => pickRegion("pain"));
  $("pick-absent").addEventListener("click", () => pickRegion("absent"));
  for (const input of document.querySelectorAll("#side input")) {
    input.addEventListener("change", () => {
      state.side = input.value;
      changed();
    });
  }
  try {
    const options = await getJSON("/api/options");
    docs = options.docs;
    $("disclaimer-link").href = docs + "disclaimer.html";
    for (const item of [...options.regions, ...options.activities, ...options.symptoms]) names.set(item.id, item.name);
    $("region-pick").replaceChildren(el("option", { value: "", text: "(a region)" }), ...options.regions.map((r) => el("option", { value: r.id, text: r.name })));
    choices("activities", options.activities, state.activities);
    choices("symptoms", options.symptoms, state.symptoms);
    $("versions").textContent = `triggerpoints ${options.package_version}, dataset ${options.dataset_version}, ranking model ${options.model_version}.`;
    await loadMap();
  } catch (error) {
    $("status").replaceChildren(el("span", { className: "error", text: error.message }));
  }
  showMarked();
  document.body.dataset.ready = "true";
  rank();
}

document.addEventListener("DOMContentLoaded", start);
