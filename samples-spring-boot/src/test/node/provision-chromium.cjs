// Unpacks the headless Chromium that @sparticuz/chromium ships inside its npm package (brotli-compressed
// binary, its NSS libraries, a font) into the directory given as the first argument, for the WebFlux
// sample's browser test. Nothing is downloaded here: `npm ci` already fetched the package from the npm
// registry. The package's own JavaScript is not used (it wants Node 22 and unpacks into /tmp, shared by
// every build on the machine); this does the same unpacking with Node's zlib and the system's tar.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const target = path.resolve(process.argv[2] || 'chromium');
const packageDir = path.join(__dirname, 'node_modules', '@sparticuz', 'chromium');
const version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
const bin = path.join(packageDir, 'bin');
const marker = path.join(target, '.version');

if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === version) {
  console.log(`chromium ${version} already unpacked in ${target}`);
  process.exit(0);
}
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });

function unbrotli(name, to) {
  fs.writeFileSync(to, zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, name))));
}

// The browser itself, and beside it the SwiftShader GL libraries it loads from its own directory.
unbrotli('chromium.br', path.join(target, 'chromium'));
fs.chmodSync(path.join(target, 'chromium'), 0o755);
for (const archive of ['al2023.tar.br', 'fonts.tar.br', 'swiftshader.tar.br']) {
  const tar = path.join(target, archive.replace(/\.br$/, ''));
  unbrotli(archive, tar);
  execFileSync('tar', ['-xf', tar, '-C', target]);
  fs.rmSync(tar);
}
// lib/ holds NSS and expat (LD_LIBRARY_PATH); fonts/ a font, named by our own fonts.conf
// (the package's points at /tmp and /var/task).
fs.writeFileSync(path.join(target, 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${path.join(target, 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <cachedir>${path.join(target, 'fonts-cache')}</cachedir>
</fontconfig>
`);
fs.writeFileSync(marker, version);
console.log(`chromium ${version} unpacked in ${target}`);
