// vshell --web: the terminal (xterm.js) and the pictures, over one WebSocket.
// The server draws every picture (SVG); this page only shows them, sends the
// keys (the lecturer's page), and asks for moments in time (the slider).
"use strict";

const token = document.body.dataset.token;
const $ = (id) => document.getElementById(id);
const term = new Terminal({ convertEol: false, fontSize: 15, scrollback: 5000 });
const fit = new FitAddon.FitAddon();
term.loadAddon(fit);
term.open($("terminal"));
fit.fit();

const scheme = location.protocol === "https:" ? "wss" : "ws";
const socket = new WebSocket(`${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`);
let role = "viewer";
let frame = { i: 0, n: 0, live: true };
let own = false;                         // a read-only view that moved its own slider
let refused = false;

function send(message) {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function seek(i) {                       // null: back to now
  send({ t: "seek", i: i === null ? null : Math.max(0, Math.min(i, frame.n)) });
  if (role !== "lecturer") {             // a read-only view: its own moment, or "now" to
    own = i !== null;                    // follow the lecturer's slider again
    showRole();
  }
}

function showRole() {
  $("role").textContent = role === "lecturer" ? "" : refused ? "(read-only view: your keys are refused)"
    : own ? "(read-only view: your own moment; now follows the lecturer)"
    : "(read-only view: following the lecturer)";
}

function show(message) {
  frame = message;
  $("tree").innerHTML = message.tree;
  $("fds").innerHTML = message.fds;
  $("timeline").innerHTML = message.timeline;
  const slider = $("slider");
  slider.max = message.n;
  slider.value = message.i;
  $("where").textContent = (message.live ? "now: " : `event ${message.i} of ${message.n}: `) + message.event;
  document.querySelector("header").classList.toggle("past", !message.live);
}

socket.binaryType = "arraybuffer";

// A long message comes deflated, in a binary frame (the server deflates it once
// for every page).  Inflating takes a moment: messages are handled in turn.
let handled = Promise.resolve();
socket.onmessage = (e) => {
  handled = handled.then(() => decode(e.data)).then(handle);
};

async function decode(data) {
  if (typeof data === "string") return JSON.parse(data);
  const inflated = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate"));
  return JSON.parse(await new Response(inflated).text());
}

function handle(message) {
  if (message.t === "hello") {
    role = message.role;
    showRole();
    if (role === "lecturer") sendSize();
  } else if (message.t === "out") {
    term.write(message.data);
  } else if (message.t === "reset") {
    term.reset();
    term.write(message.data);
  } else if (message.t === "frame") {
    show(message);
  } else if (message.t === "refused") {  // (a read-only view's keys: the server said no)
    refused = true;
    showRole();
  } else if (message.t === "ended") {
    term.write("\r\n[the session has ended]\r\n");
  }
}
socket.onclose = () => { $("where").textContent = "disconnected"; };

function sendSize() {
  send({ t: "size", rows: term.rows, cols: term.cols });
}

// Every page sends its keys; the server takes only the lecturer's, and tells a
// read-only view that it refused them (the page is not what keeps it out).
term.onData((data) => send({ t: "in", data: data }));
window.addEventListener("resize", () => { fit.fit(); if (role === "lecturer") sendSize(); });

// Time travel: the slider, the buttons, and Alt+Left / Alt+Right / Alt+End anywhere.
$("slider").addEventListener("input", (e) => seek(Number(e.target.value)));
$("back").onclick = () => seek(frame.i - 1);
$("forward").onclick = () => seek(frame.i + 1 >= frame.n ? null : frame.i + 1);
$("now").onclick = () => seek(null);

function travel(e) {
  if (!e.altKey) return false;
  if (e.key === "ArrowLeft") seek(frame.i - (e.shiftKey ? 10 : 1));
  else if (e.key === "ArrowRight") seek(frame.i + 1 >= frame.n ? null : frame.i + (e.shiftKey ? 10 : 1));
  else if (e.key === "End") seek(null);
  else return false;
  e.preventDefault();
  return true;
}
document.addEventListener("keydown", travel);
term.attachCustomKeyEventHandler((e) => !(e.type === "keydown" && e.altKey &&
  ["ArrowLeft", "ArrowRight", "End"].includes(e.key)));

// A click on a process shows its file model.
$("tree").addEventListener("click", (e) => {
  const node = e.target.closest("g.node");
  if (node) send({ t: "select", pid: Number(node.dataset.pid) });
});
