// ccxt's order book on the frames BookFrameBenchmark measures: JSON.parse of each ALP "d" frame, then each
// level into ccxt's OrderBook (the book every ccxt pro exchange keeps), read as ccxt's handlers read deltas
// (safeFloat). ALP sends quantity differences and ccxt books hold absolute sizes, so the current size is
// looked up first with the book's own index. Run by command, never by the build:
//   java -cp benchmarks/target/benchmarks.jar io.exflux.benchmarks.AlpBookFrames benchmarks/target/frames
//   (cd benchmarks/node && npm ci && node ccxt-book.mjs ../target/frames)
import ccxt from 'ccxt';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || '../target/frames';
const seconds = Number(process.argv[3] || 3); // measured time per depth, after as long again of warm-up
const exchange = new ccxt.Exchange();
const version = JSON.parse(readFileSync(new URL('./node_modules/ccxt/package.json', import.meta.url), 'utf8')).version;

function bisectLeft(index, x) { // ccxt's own search, over the side's price index
  let low = 0;
  let high = index.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (index[mid] - x < 0) low = mid + 1; else high = mid - 1;
  }
  return low;
}

function applyLevels(side, levels) {
  for (const level of levels) {
    const price = exchange.safeFloat(level, 0);
    const difference = exchange.safeFloat(level, 1);
    const key = side.side ? -price : price;
    const at = bisectLeft(side.index, key);
    const current = side.index[at] === key ? side[at][1] : 0;
    // sizes have 5 decimals: round the binary sum back to them, or deleted levels would linger as 1e-17
    side.store(price, Math.round((current + difference) * 1e5) / 1e5);
  }
}

function run(book, frames) {
  for (let i = 0; i < frames.length; i++) {
    const frame = JSON.parse(frames[i]);
    applyLevels(book.asks, frame[3][0]);
    applyLevels(book.bids, frame[3][1]);
  }
}

function fresh(snapshot) {
  return exchange.orderBook({
    bids: snapshot.bids.map(([p, a]) => [parseFloat(p), parseFloat(a)]),
    asks: snapshot.asks.map(([p, a]) => [parseFloat(p), parseFloat(a)]),
  });
}

function expectedLevels(snapshot, frames) { // the book the frames must leave, by exact decimal arithmetic
  const sides = { b: new Map(), a: new Map() };
  const units = (text) => Math.round(parseFloat(text) * 1e5);
  snapshot.bids.forEach(([p, a]) => sides.b.set(p, units(a)));
  snapshot.asks.forEach(([p, a]) => sides.a.set(p, units(a)));
  for (const text of frames) {
    const frame = JSON.parse(text);
    [['a', frame[3][0]], ['b', frame[3][1]]].forEach(([s, levels]) => levels.forEach(([p, d]) => {
      const size = (sides[s].get(p) || 0) + units(d);
      if (size === 0) sides[s].delete(p); else sides[s].set(p, size);
    }));
  }
  return sides.b.size + sides.a.size;
}

for (const levels of [500, 5000]) {
  const snapshot = JSON.parse(readFileSync(join(dir, `book-${levels}.json`), 'utf8'));
  const frames = readFileSync(join(dir, `frames-${levels}.txt`), 'utf8').split('\n').filter((l) => l.length > 0);
  const check = fresh(snapshot);
  run(check, frames);
  const expected = expectedLevels(snapshot, frames);
  if (check.bids.length + check.asks.length !== expected) {
    throw new Error(`ccxt book has ${check.bids.length + check.asks.length} levels, expected ${expected}`);
  }
  let done = 0;
  let spent = 0n;
  const warmUntil = process.hrtime.bigint() + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < warmUntil) run(fresh(snapshot), frames);
  while (spent < BigInt(seconds * 1e9)) {
    const book = fresh(snapshot); // outside the measured time, as the JMH benchmark resets its books
    const start = process.hrtime.bigint();
    run(book, frames);
    spent += process.hrtime.bigint() - start;
    done += frames.length;
  }
  const perSecond = done / (Number(spent) / 1e9);
  console.log(`ccxt ${version} BookFrame levels=${levels} frames/s ${perSecond.toFixed(0)}`);
}
