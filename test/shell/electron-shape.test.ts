/**
 * The stand-in keeps Electron's shape, read from the pinned electron.d.ts with the TypeScript compiler:
 * it offers nothing Electron 38 does not declare (a test passing on a method Electron lacks would prove
 * nothing), and the shell's code (src-main, the files importing 'electron') uses nothing it lacks.
 */
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as standIn from '../support/electron/electron.ts';
import { StandInEvent, ipcMainEvent } from '../support/electron/events.ts';
import { PROJECT } from '../support/electron/harness.ts';
import { Page } from '../support/electron/page.ts';
import { state } from '../support/electron/state.ts';
import { navigationEvent, openFromPage } from '../support/electron/web-contents.ts';

const DTS = join(PROJECT, 'node_modules', 'electron', 'electron.d.ts');
const STAND_IN_DIR = join(PROJECT, 'test', 'support', 'electron');

let checker: ts.TypeChecker;
let electron: Map<string, ts.Symbol>;
/** What `require('electron')` has in the main process and in a preload: its own modules and the common ones. */
let modules: Record<'Main' | 'Renderer', Set<string>>;

const exportsOf = (symbol: ts.Symbol) => new Map(checker.getExportsOfModule(symbol).map((s) => [s.name, s]));

beforeAll(() => {
  const program = ts.createProgram([DTS], { noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: ['node'], skipLibCheck: true });
  checker = program.getTypeChecker();
  const source = program.getSourceFile(DTS)!;
  const namespace = source.statements.find((s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && s.name.getText(source) === 'Electron')!;
  electron = exportsOf(checker.getSymbolAtLocation(namespace.name)!);
  const names = (namespace: string) => [...exportsOf(electron.get(namespace)!).keys()];
  modules = { Main: new Set([...names('Main'), ...names('Common')]), Renderer: new Set([...names('Renderer'), ...names('Common')]) };
});

/** An Electron type by name: an interface's or class's instance type, or a class's static side. */
function electronType(name: string): ts.Type {
  const [typeName, side] = name.split(' ') as [string, string | undefined];
  const symbol = electron.get(typeName);
  if (!symbol) throw new Error(`electron.d.ts declares no ${typeName}`);
  return side === '(static)' ? checker.getTypeOfSymbol(symbol) : checker.getDeclaredTypeOfSymbol(symbol);
}

/** Whether an Electron type declares a member; `Event<Params>` is Event's members and Params'. */
function declares(typeName: string, member: string): boolean {
  const params = /^Event<(\w+)>$/.exec(typeName)?.[1];
  if (params) return declares('Event', member) || declares(params, member);
  return checker.getPropertyOfType(electronType(typeName), member) !== undefined;
}

/** What an object offers: own and inherited names, down to (not including) Object's, Function's or EventEmitter's own. */
function offered(value: object): string[] {
  const names = new Set<string>();
  const base = [Object.prototype, Function.prototype, EventEmitter.prototype, EventEmitter];
  for (let o: object | null = value; o && !base.includes(o); o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) names.add(key);
  }
  for (const builtIn of ['constructor', 'length', 'name', 'prototype', '_events', '_eventsCount', '_maxListeners']) {
    if (builtIn === 'constructor' || typeof value === 'function' || value instanceof EventEmitter) names.delete(builtIn);
  }
  return [...names].sort();
}

/** Every stand-in object the shell meets, with the Electron type it stands for. */
async function samples(): Promise<[string, object][]> {
  state.ready = true; // windows are made after 'ready' only
  const window = new standIn.BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
  const page = new Page({ url: 'app://synthese/index.html', preload: undefined, sandbox: true, contextIsolation: true, toMain: { invoke: async () => null, send: () => {} } });
  let details: object = {};
  window.webContents.setWindowOpenHandler((d) => {
    details = d;
    return { action: 'deny' };
  });
  openFromPage(window.webContents, 'https://example.org/');
  const found: [string, object][] = [
    ['App', standIn.app],
    ['BrowserWindow (static)', standIn.BrowserWindow],
    ['BrowserWindow', window],
    ['WebContents (static)', standIn.webContents],
    ['WebContents', window.webContents],
    ['WebFrameMain', window.webContents.mainFrame],
    ['Session (static)', standIn.session],
    ['Session', standIn.session.defaultSession],
    ['WebRequest', standIn.session.defaultSession.webRequest],
    ['Protocol', standIn.protocol],
    ['IpcMain', standIn.ipcMain],
    ['IpcMainInvokeEvent', ipcMainEvent(window.webContents)],
    ['IpcMainEvent', ipcMainEvent(window.webContents, { returnValue: undefined, reply: () => {} })],
    ['Event', new StandInEvent()],
    ['HandlerDetails', details],
    ['Event<WebContentsWillNavigateEventParams>', navigationEvent(window.webContents, 'https://example.org/')],
    ['Event<WebContentsWillRedirectEventParams>', navigationEvent(window.webContents, 'https://example.org/')],
    ['Event<WebContentsDidStartNavigationEventParams>', navigationEvent(window.webContents, 'https://example.org/')],
    ['Menu (static)', standIn.Menu],
    ['Menu', standIn.Menu.buildFromTemplate([{ label: 'Fichier', submenu: [{ role: 'quit' }] }])],
    ['MenuItem (static)', standIn.MenuItem],
    ['MenuItem', new standIn.MenuItem({ label: 'Quitter', role: 'quit' })],
    ['Dialog', standIn.dialog],
    ['OpenDialogReturnValue', await standIn.dialog.showOpenDialog({})],
    ['SaveDialogReturnValue', await standIn.dialog.showSaveDialog({})],
    ['MessageBoxReturnValue', await standIn.dialog.showMessageBox({ message: '' })],
    ['Shell', standIn.shell],
    ['ContextBridge', page.electron.contextBridge as object],
    ['IpcRenderer', page.ipcRenderer],
    ['IpcRendererEvent', new StandInEvent({ sender: page.ipcRenderer, ports: [] })],
    ['WebUtils', page.electron.webUtils as object],
  ];
  return found;
}

describe('the Electron stand-in', () => {
  it('exports only modules the pinned Electron has, main side and preload side', () => {
    expect(Object.keys(standIn).filter((name) => !modules.Main.has(name))).toEqual([]);
    const page = new Page({ url: 'app://synthese/index.html', preload: undefined, sandbox: true, contextIsolation: true, toMain: { invoke: async () => null, send: () => {} } });
    expect(Object.keys(page.electron).filter((name) => !modules.Renderer.has(name))).toEqual([]);
  });

  it('offers no member its Electron type does not declare', async () => {
    const extras: string[] = [];
    for (const [typeName, value] of await samples()) {
      for (const name of offered(value)) if (!declares(typeName, name)) extras.push(`${typeName}.${name}`);
      if (value instanceof EventEmitter && !declares(typeName, 'on')) extras.push(`${typeName} is an EventEmitter`);
    }
    expect(extras).toEqual([]);
  });

  it('finds an extra member when there is one (the check itself can fail)', () => {
    const type = electronType('App');
    expect(checker.getPropertyOfType(type, 'requestSingleInstanceLock')).toBeDefined();
    expect(checker.getPropertyOfType(type, 'openBundle')).toBeUndefined();
    expect(offered(Object.assign(Object.create({ quit() {} }), { openBundle() {} }))).toEqual(['openBundle', 'quit']);
  });

  it('has every Electron member the shell’s code uses', async () => {
    const used = electronMembersUsedBy(shellFiles());
    expect(used.size).toBeGreaterThan(30);
    // A few the checklist depends on, so this list is known to be read right.
    for (const member of ['App.requestSingleInstanceLock', 'WebContents.setWindowOpenHandler', 'Session.setPermissionRequestHandler', 'Protocol.handle', 'BrowserWindow (static).getAllWindows', 'Event.preventDefault']) {
      expect(used, member).toContain(member);
    }
    const byType = new Map((await samples()).map(([name, value]) => [/^Event<(\w+)>$/.exec(name)?.[1] ?? name, value]));
    const missing: string[] = [];
    for (const member of used) {
      const [typeName, name] = splitMember(member);
      const value = byType.get(typeName) ?? byType.get(ANCESTORS[typeName] ?? '');
      if (!value) missing.push(`${member} (no stand-in for ${typeName})`);
      else if (!offered(value).includes(name) && !(value instanceof EventEmitter && name in EventEmitter.prototype)) missing.push(member);
    }
    expect(missing).toEqual([]);
  });

  it('emits every event the shell listens for', () => {
    const source = readdirSync(STAND_IN_DIR).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(STAND_IN_DIR, f), 'utf8')).join('\n');
    const emitted = new Set([...source.matchAll(/\.emit\(\s*'([^']+)'/g)].map((m) => m[1]));
    const heard = electronEventsHeardBy(shellFiles());
    expect(heard.size).toBeGreaterThan(8);
    expect([...heard].filter((e) => !emitted.has(e.split(' ')[1]!))).toEqual([]);
  });
});

/** Members declared on a base class, looked up on the stand-in object of the class that extends it. */
const ANCESTORS: Record<string, string> = { BaseWindow: 'BrowserWindow', 'BaseWindow (static)': 'BrowserWindow (static)' };

function splitMember(member: string): [string, string] {
  const dot = member.lastIndexOf('.');
  return [member.slice(0, dot), member.slice(dot + 1)];
}

/** src-main's files that import 'electron' (the shell). */
function shellFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && /from ['"]electron['"]/.test(readFileSync(path, 'utf8'))) files.push(path);
    }
  };
  walk(join(PROJECT, 'src-main'));
  return files;
}

let shellProgram: ts.Program | null = null;
function program(files: string[]): ts.Program {
  if (shellProgram) return shellProgram;
  const config = ts.readConfigFile(join(PROJECT, 'tsconfig.json'), ts.sys.readFile).config as object;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, PROJECT);
  return (shellProgram = ts.createProgram(files, options));
}

/** The Electron type a member is declared on ("WebContents", "BrowserWindow (static)", "Event"…). */
function ownerOf(declaration: ts.Declaration): string | null {
  if (!declaration.getSourceFile().fileName.endsWith('electron/electron.d.ts')) return null;
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      const isStatic = ts.canHaveModifiers(declaration) && ts.getModifiers(declaration)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      return `${node.name!.text}${isStatic ? ' (static)' : ''}`;
    }
  }
  return null;
}

/** "Type.member" for every property access (and call) in these files whose member Electron declares. */
function electronMembersUsedBy(files: string[]): Set<string> {
  const p = program(files);
  const types = p.getTypeChecker();
  const used = new Set<string>();
  for (const file of files) {
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = types.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.declarations ?? []) {
          const owner = ownerOf(declaration);
          if (owner) used.add(`${owner}.${node.name.text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(p.getSourceFile(file)!);
  }
  return used;
}

/** "Type event" for every on/once('event') on an Electron object in these files. */
function electronEventsHeardBy(files: string[]): Set<string> {
  const p = program(files);
  const types = p.getTypeChecker();
  const heard = new Set<string>();
  for (const file of files) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['on', 'once'].includes(node.expression.name.text)) {
        const [first] = node.arguments;
        const symbol = types.getSymbolAtLocation(node.expression.name);
        const owner = symbol?.declarations?.map(ownerOf).find((o) => o !== null);
        if (owner && first && ts.isStringLiteral(first)) heard.add(`${owner} ${first.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(p.getSourceFile(file)!);
  }
  return heard;
}
