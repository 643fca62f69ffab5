// The retrospec extension: starts `retrospec lsp` on stdio for Markdown, YAML and JSON
// files. The server decides which documents are postmortems (Markdown with front
// matter, YAML/JSON naming retrospec's schema) and stays silent on the others.

import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
} from 'vscode-languageclient/node';

const CLIENT_ID = 'retrospec'; // also the prefix of the `retrospec.trace.server` setting
const LANGUAGES = ['markdown', 'yaml', 'json'];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

/** The executable from `retrospec.path`, with `~` and `${workspaceFolder}` expanded. */
function serverCommand(): string {
  const configured = vscode.workspace
    .getConfiguration('retrospec')
    .get<string>('path', 'retrospec')
    .trim();
  let command = configured === '' ? 'retrospec' : configured;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder !== undefined) {
    command = command.replace(/\$\{workspaceFolder\}/g, folder);
  }
  if (command === '~' || command.startsWith('~/')) {
    command = path.join(os.homedir(), command.slice(1));
  }
  // A relative path with a directory part is taken from the first workspace folder;
  // a bare name is left for the system to find on PATH.
  if (!path.isAbsolute(command) && command.includes('/') && folder !== undefined) {
    command = path.join(folder, command);
  }
  return command;
}

async function start(): Promise<void> {
  const command = serverCommand();
  const serverOptions: ServerOptions = {
    // No `transport`: the client then talks over the child's stdin/stdout without
    // appending `--stdio`, which `retrospec lsp` does not take.
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'], options: { env: { ...process.env, RUST_BACKTRACE: '1' } } },
  };
  const clientOptions: LanguageClientOptions = {
    // retrospec.toml too: the server shows its mistakes, and re-checks open reports
    // when it is saved (it also registers a file watcher for changes on disk).
    documentSelector: [
      ...LANGUAGES.map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', pattern: '**/retrospec.toml' },
    ],
    // The server reads `retrospec.files` at start and again whenever it changes.
    initializationOptions: { files: vscode.workspace.getConfiguration('retrospec').get<string[]>('files', []) },
    synchronize: { configurationSection: 'retrospec' },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  const next = new LanguageClient(CLIENT_ID, 'retrospec', serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (error) {
    client = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    output?.appendLine(`Could not start \`${command} lsp\`: ${reason}`);
    const choice = await vscode.window.showErrorMessage(
      `retrospec: could not start the language server (\`${command} lsp\`). ` +
        'Install it with `cargo install --path crates/retrospec-cli` or set `retrospec.path`.',
      'Open Settings',
      'Show Output',
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'retrospec.path');
    } else if (choice === 'Show Output') {
      output?.show(true);
    }
  }
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (current !== undefined) {
    try {
      await current.stop();
    } catch {
      // The server may already be gone (crashed or never started); nothing to do.
    }
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('retrospec');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('retrospec.restartServer', restart),
    vscode.commands.registerCommand('retrospec.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('retrospec.path')) {
        await restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
