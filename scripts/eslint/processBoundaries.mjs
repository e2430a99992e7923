// ESLint rule: what each process's code may import (ARCHITECTURE.md "Rules").
// Every import, export-from, dynamic import() and require() is resolved to the folder it
// lands in and checked against the layer of the importing file. The layers:
//   native/common  the contract: imports only itself (no package, no Node module)
//   native         plain Node, no Electron (the engine, the CLI, the app's service, the local HTTP bridge in
//                  native/bridge, the page and media serving in native/serving): never electron, electron/ or renderer/
//   preload        electron/preload.ts: electron, native/common and electron/ipcChannels only (it is bundled alone)
//   electron       Electron main: native/ (the service, the serving its protocol handler shares with the bridge), never renderer/
//   renderer       the page (renderer/src): its own files, native/common and packages, never Node or electron
// Files elsewhere (test/, bench/, scripts/, configs) are not checked.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NODE_MODULES = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** the repository-relative folder path of a file, with / separators */
function repoPath(file) {
  return relative(ROOT, file).split(sep).join('/');
}

export function layerOf(path) {
  if (path.startsWith('native/common/')) return 'common';
  if (path.startsWith('native/')) return 'native';
  if (path === 'electron/preload.ts') return 'preload';
  if (path.startsWith('electron/')) return 'electron';
  if (path.startsWith('renderer/src/')) return 'renderer';
  return null;
}

const isNodeModule = (spec) => spec.startsWith('node:') || NODE_MODULES.has(spec.split('/')[0]);
const isElectron = (spec) => spec === 'electron' || spec.startsWith('electron/');

/** why `spec` may not be imported from a file of `layer`, or null when it may */
export function violation(layer, fromFile, spec) {
  const relativeSpec = spec.startsWith('.');
  const target = relativeSpec ? repoPath(resolve(dirname(fromFile), spec)) : null;
  const into = (folder) => target !== null && (target === folder || target.startsWith(`${folder}/`));
  switch (layer) {
    case 'common':
      return into('native/common') ? null : 'native/common is the contract between processes: it imports nothing outside itself';
    case 'native':
      if (isElectron(spec)) return 'native/ runs without Electron (the CLI, the bridge): it may not import electron';
      if (into('electron') || into('renderer')) return 'native/ may not import electron/ or renderer/ code';
      return null;
    case 'preload':
      if (isElectron(spec) || into('native/common') || target === 'electron/ipcChannels') return null;
      return 'the sandboxed preload is bundled alone: it may import only electron, native/common and electron/ipcChannels';
    case 'electron':
      return into('renderer') ? 'Electron main may not import the renderer (the page is served from dist/renderer)' : null;
    case 'renderer':
      if (isElectron(spec)) return 'the page may not import electron: it talks to window.gijiroku or the bridge client';
      if (!relativeSpec) return isNodeModule(spec) ? 'the page may not import Node modules' : null;
      return into('renderer/src') || into('native/common') ? null : 'the page imports only its own files and native/common';
    default:
      return null;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const processBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'imports allowed per process (native/common, native, preload, electron, renderer)' },
    schema: [],
  },
  create(context) {
    const layer = layerOf(repoPath(context.filename));
    if (!layer) return {};
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = violation(layer, context.filename, source.value);
      if (why) context.report({ node, message: `'${source.value}': ${why}.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) => check(node, node.moduleReference.expression),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};
