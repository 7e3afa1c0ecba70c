// A real socket.io (2.x on engine.io 3, 4.x on engine.io 4) or bare engine.io server for exflux's
// interop tests. Loopback only. Usage: node server.js <sio2|sio4|eio> [port] [pingIntervalMs] [pingTimeoutMs]
// Prints "PORT <n>" once listening, then one "HEARTBEAT" line per client heartbeat the server sees and
// "SUBSCRIBE <channel>" per subscription, so the Java test can observe the protocol from the server side.
'use strict';
const http = require('http');

const kind = process.argv[2];
const port = Number(process.argv[3] || 0);
const pingInterval = Number(process.argv[4] || 300);
const pingTimeout = Number(process.argv[5] || 300);
const emitEveryMs = 50;

const httpServer = http.createServer();
let seq = 0;

function book(channel) {
  const pair = channel.replace(/^book_/, '');
  return { pair: pair, seq: ++seq, bids: [['100.5', '1.25']], asks: [['101', '0.5']] };
}

function watchHeartbeats(engineSocket) {
  engineSocket.on('heartbeat', () => console.log('HEARTBEAT'));
}

// Handles subscribe/unsubscribe/echo on one namespace and emits books to its rooms, alternating the two
// shapes venues may use: the event named after the channel, and a generic event carrying the pair.
function serve(nsp) {
  const channels = new Set();
  nsp.on('connection', (socket) => {
    socket.on('subscribe', (channel) => {
      console.log('SUBSCRIBE ' + channel);
      socket.join(channel);
      channels.add(channel);
      socket.emit('subscribe.success', channel);
      // A binary event (header packet plus one binary frame), which exflux rejects frame by frame.
      if (channel === 'binary') socket.emit('bin', Buffer.from([1, 2, 3]));
    });
    socket.on('unsubscribe', (channel) => socket.leave(channel));
    socket.on('echo', (value, ack) => { if (typeof ack === 'function') ack(value); });
  });
  setInterval(() => {
    for (const channel of channels) {
      const payload = book(channel);
      if (payload.seq % 2 === 0) nsp.to(channel).emit(channel, payload);
      else nsp.to(channel).emit('depth', payload);
    }
  }, emitEveryMs);
}

if (kind === 'sio2' || kind === 'sio4') {
  const options = { pingInterval, pingTimeout, transports: ['websocket'] };
  const io = kind === 'sio2' ? require('sio2')(httpServer, options) : new (require('sio4').Server)(httpServer, options);
  io.engine.on('connection', watchHeartbeats);
  serve(io.of('/'));
  // A namespace that wants a token: revision 5 sends it in the CONNECT auth object, revision 4 in the
  // namespace query. Refusals come back as CONNECT_ERROR (an object on 4.x, a string on 2.x).
  const admin = io.of('/admin');
  admin.use((socket, next) => {
    const token = kind === 'sio4' ? (socket.handshake.auth || {}).token : socket.handshake.query.token;
    return token === '123' ? next() : next(new Error('not authorized'));
  });
  serve(admin);
} else if (kind === 'eio') {
  const engine = require('eio6');
  const server = new engine.Server({ pingInterval, pingTimeout, transports: ['websocket'], allowEIO3: true });
  server.attach(httpServer, { path: '/engine.io/' });
  const sockets = new Map();
  server.on('connection', (socket) => {
    watchHeartbeats(socket);
    sockets.set(socket, new Set());
    socket.on('message', (data) => {
      let message;
      try { message = JSON.parse(data); } catch (e) { return; }
      if (Array.isArray(message) && message[0] === 'subscribe') {
        console.log('SUBSCRIBE ' + message[1]);
        sockets.get(socket).add(message[1]);
      }
    });
    socket.on('close', () => sockets.delete(socket));
  });
  setInterval(() => {
    for (const [socket, subscribed] of sockets) {
      for (const channel of subscribed) socket.send(JSON.stringify(book(channel)));
    }
  }, emitEveryMs);
} else {
  console.error('usage: node server.js <sio2|sio4|eio> [port] [pingIntervalMs] [pingTimeoutMs]');
  process.exit(2);
}

httpServer.listen(port, '127.0.0.1', () => console.log('PORT ' + httpServer.address().port));
// Dies with its parent: the Java test closes our stdin when it is done.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
