#!/usr/bin/env node
// npm on Linux writes package-lock.json with only this platform's optional binaries (npm's
// optional-dependency bug, npm/cli#4828), and `npm ci` then refuses the lockfile on a clean
// clone. This adds every missing optional dependency (rollup, esbuild, … for every platform)
// with its version, tarball and integrity from the registry, so the lockfile works everywhere.
// Run it after `npm install` changed the lockfile: `node .ci/complete-lockfile.mjs`.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages

function resolves(fromPath, name) {
  // Node's lookup: <from>/node_modules/<name>, then each parent's node_modules.
  let base = fromPath
  for (;;) {
    const candidate = (base ? `${base}/` : '') + `node_modules/${name}`
    if (packages[candidate]) return true
    if (!base) return false
    const i = base.lastIndexOf('/node_modules/')
    base = i === -1 ? '' : base.slice(0, i)
  }
}

let added = 0
for (const [path, meta] of Object.entries({ ...packages })) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue
    const view = JSON.parse(
      execFileSync(
        'npm',
        ['view', `${name}@${range}`, 'name', 'version', 'dist', 'os', 'cpu', 'libc', 'license', 'engines', '--json'],
        {
          encoding: 'utf8',
        },
      ),
    )
    const info = Array.isArray(view) ? view[view.length - 1] : view
    const entry = {
      version: info.version,
      resolved: info.dist.tarball,
      integrity: info.dist.integrity,
    }
    for (const key of ['cpu', 'libc', 'license', 'engines', 'os']) if (info[key]) entry[key] = info[key]
    entry.optional = true
    // Place it beside the package that wants it when a different version already sits at the top.
    const top = `node_modules/${name}`
    const target = packages[top] ? `${path}/node_modules/${name}` : top
    packages[target] = entry
    added++
    console.log(`added ${target}@${info.version}`)
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
)
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`${added} optional packages added`)
