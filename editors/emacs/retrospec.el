;;; retrospec.el --- Eglot configuration for the retrospec language server  -*- lexical-binding: t; -*-

;; SPDX-License-Identifier: MIT OR Apache-2.0
;; URL: https://github.com/retrospec/retrospec

;;; Commentary:

;; Registers `retrospec lsp' with Eglot (built into Emacs 29+; the `eglot' package
;; from GNU ELPA for Emacs 26.3-28) for Markdown, YAML and JSON buffers.  The server
;; checks only postmortems: Markdown files that start with YAML front matter (---), and
;; YAML/JSON files that name https://retrospec.dev/schema/v1/postmortem.schema.json (a
;; `$schema' key or a `# yaml-language-server: $schema=...' modeline).  It publishes
;; diagnostics as you type (shown by Flymake, codes like RS203), hover (shown by
;; ElDoc) and quick fixes (M-x eglot-code-actions).
;;
;; Setup: install the server with `cargo install --path crates/retrospec-cli', then in
;; your init file:
;;
;;   (load "/path/to/retrospec/editors/emacs/retrospec.el")
;;   ;; start Eglot automatically in these modes (otherwise: M-x eglot)
;;   (dolist (hook '(markdown-mode-hook yaml-mode-hook yaml-ts-mode-hook
;;                   json-mode-hook json-ts-mode-hook js-json-mode-hook))
;;     (add-hook hook #'eglot-ensure))
;;
;; One server per mode: Eglot runs a single language server for a major mode in a
;; project.  Because this entry is added to the front of `eglot-server-programs', it
;; wins over Eglot's defaults for these modes (marksman for Markdown,
;; yaml-language-server for YAML, vscode-json-language-server for JSON): in those
;; modes you get retrospec instead of them, not beside them.  To keep another server
;; for ordinary files, enable Eglot with retrospec only in a directory of postmortems
;; (for example with a `.dir-locals.el' there), remove the modes you do not want from
;; `retrospec-eglot-modes' before loading this file, or run both servers behind an
;; LSP multiplexer.

;;; Code:

(defvar eglot-server-programs)

(defgroup retrospec nil
  "Checks for incident postmortems."
  :group 'tools
  :prefix "retrospec-")

(defcustom retrospec-command '("retrospec" "lsp")
  "Command that starts the retrospec language server on stdio.
Use an absolute path if `retrospec' is not on `exec-path'.  Takes
effect for servers started after the file is loaded."
  :type '(repeat string)
  :group 'retrospec)

(defvar retrospec-eglot-modes
  '((markdown-mode :language-id "markdown")
    (gfm-mode :language-id "markdown")
    (markdown-ts-mode :language-id "markdown")
    (yaml-mode :language-id "yaml")
    (yaml-ts-mode :language-id "yaml")
    (json-mode :language-id "json")
    (json-ts-mode :language-id "json")
    (js-json-mode :language-id "json"))
  "Major modes whose buffers Eglot hands to retrospec.
`js-json-mode' is what Emacs 29+ uses for .json files unless json-mode
or json-ts-mode is chosen; `gfm-mode' is markdown-mode's GitHub flavour.
Set this before loading retrospec.el to change it.")

(defun retrospec--contact (&optional _interactive)
  "Eglot contact for retrospec: the value of `retrospec-command'."
  retrospec-command)

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               (cons retrospec-eglot-modes #'retrospec--contact)))

(provide 'retrospec)
;;; retrospec.el ends here
