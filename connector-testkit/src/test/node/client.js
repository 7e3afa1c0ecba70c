// A real socket.io (2.x on engine.io 3, 4.x on engine.io 4) or bare engine.io (3.x: EIO 3, 6.x: EIO 4)
// client for the v1 simulator's interop tests. Loopback only.
// Usage: node client.js <sioc2|sioc4|eioc3|eioc6> <http://127.0.0.1:port> <channel> <heartbeats>
// Prints "OPEN", one "HEARTBEAT" per heartbeat exchanged, "EVENT <json>" per book event, and "DONE"
// once it has seen <heartbeats> heartbeats, a new order with trades and a cancel; then it closes and
// exits 0. "CLOSE <reason>" if the connection ends first (exit 2).
'use strict';

const [kind, url, channel, wanted] = process.argv.slice(2);
const heartbeatsWanted = Number(wanted || 4);
let heartbeats = 0;
let sawTrades = false;
let sawCancel = false;
let done = false;
let close = () => {};

function heartbeat() {
  heartbeats++;
  console.log('HEARTBEAT');
  check();
}

function event(payload) {
  const value = typeof payload === 'string' ? JSON.parse(payload) : payload;
  console.log('EVENT ' + JSON.stringify(value));
  if (Array.isArray(value.trades) && value.trades.length > 0) sawTrades = true;
  if (value.cancelled === true) sawCancel = true;
  check();
}

function check() {
  if (!done && heartbeats >= heartbeatsWanted && sawTrades && sawCancel) {
    done = true;
    console.log('DONE');
    close();
    setTimeout(() => process.exit(0), 100);
  }
}

function closed(reason) {
  if (!done) {
    console.log('CLOSE ' + reason);
    process.exit(2);
  }
}

if (kind === 'sioc2' || kind === 'sioc4') {
  const options = { transports: ['websocket'], reconnection: false };
  const socket = kind === 'sioc2' ? require('sioc2')(url, options) : require('sioc4').io(url, options);
  close = () => socket.close();
  socket.on('connect', () => {
    console.log('OPEN');
    socket.emit('subscribe', channel);
  });
  socket.on(channel, event);
  // engine.io 3: the client pings and the server's pong arrives; engine.io 4: the server pings
  socket.io.on(kind === 'sioc2' ? 'pong' : 'ping', heartbeat);
  socket.on('disconnect', (reason) => closed(reason));
  socket.on('connect_error', (error) => closed('connect_error ' + error.message));
} else if (kind === 'eioc3' || kind === 'eioc6') {
  const Socket = kind === 'eioc3' ? require('eioc3') : require('eioc6').Socket;
  const socket = new Socket(url, { transports: ['websocket'] });
  close = () => socket.close();
  socket.on('open', () => {
    console.log('OPEN');
    socket.send(JSON.stringify(['subscribe', channel]));
  });
  socket.on('message', event);
  socket.on(kind === 'eioc3' ? 'pong' : 'ping', heartbeat);
  socket.on('close', (reason) => closed(reason));
  socket.on('error', (error) => closed('error ' + error));
} else {
  console.error('unknown client kind ' + kind);
  process.exit(1);
}
setTimeout(() => closed('timeout'), 60000);
