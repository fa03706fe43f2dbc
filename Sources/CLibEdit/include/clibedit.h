#ifndef CLIBEDIT_H
#define CLIBEDIT_H
/*
 * A thin C layer over libedit's histedit.h for Swift, which cannot call C variadic functions
 * (el_set, el_get, history) nor write async-signal-safe handlers. Everything here is a direct
 * call of one libedit operation, plus the SIGINT bookkeeping the REPL needs.
 */
#include <histedit.h>
#include <wchar.h>

/* The key callback type of EL_ADDFN: returns one of the CC_* codes. */
typedef unsigned char (*clibedit_key_fn)(EditLine *el, int ch);

/*
 * Creates an editor on stdin/stdout/stderr: Emacs keys, libedit's own handling of SIGWINCH,
 * SIGTSTP and SIGCONT while it reads, a read function that gives up the line when SIGINT
 * arrives (see clibedit_install_sigint), and a prompt set with clibedit_set_prompt (bytes
 * between two '\1' are invisible: colour escapes). `clientdata` is given back by
 * clibedit_clientdata. Returns NULL if libedit cannot start (no terminal).
 */
EditLine *clibedit_init(const char *program, void *clientdata);
void clibedit_end(EditLine *el);
void *clibedit_clientdata(EditLine *el);
void clibedit_set_clientdata(EditLine *el, void *clientdata);

/* Copies `prompt` (UTF-8); shown by the next clibedit_gets. */
void clibedit_set_prompt(const char *prompt);

/*
 * Reads one line. Returns the line (UTF-8, with its newline, owned by libedit until the next
 * call) or NULL, with *status: 0 end of input (Ctrl-D on an empty line), 1 interrupted (Ctrl-C),
 * -1 a read error.
 */
const char *clibedit_gets(EditLine *el, int *count, int *status);

/* Declares a named editor function and binds `key` (e.g. "^I") to it. */
int clibedit_add_function(EditLine *el, const char *name, const char *help, clibedit_key_fn fn);
/* Binds `key` (e.g. "^R") to a named editor command (e.g. "em-inc-search-prev"). */
int clibedit_bind(EditLine *el, const char *key, const char *command);
/* Reads an editrc-style file (NULL: the user's ~/.editrc) so users keep their own bindings. */
int clibedit_source(EditLine *el, const char *path);

/* The line being edited, in UTF-8: bytes up to the cursor, and all of it. */
const LineInfo *clibedit_line(EditLine *el);
/* Deletes `characters` characters (not bytes) before the cursor. */
void clibedit_delete_before(EditLine *el, int characters);
/* Inserts UTF-8 text at the cursor. Returns -1 when it does not fit. */
int clibedit_insert(EditLine *el, const char *text);

/*
 * The incremental search (written in Swift: libedit's own one looks keys up by their low byte
 * and so ends on many CJK characters). While it is on, every key read is recorded
 * (clibedit_search_key) and handed to libedit as the key 0237, which the search binds.
 */
void clibedit_set_search(int on);
wchar_t clibedit_search_key(void);
/* Pushes a key back: libedit reads it next, as if typed. */
int clibedit_push(EditLine *el, wchar_t key);
/* Moves the cursor by `characters` (negative: left); returns the new position. */
int clibedit_move_cursor(EditLine *el, int characters);

/* History: an in-memory list of at most `size` entries, no consecutive duplicates. */
History *clibedit_history_init(int size);
void clibedit_history_end(History *h);
int clibedit_use_history(EditLine *el, History *h);
int clibedit_history_enter(History *h, const char *line);
/* The entries, oldest first: call with oldest = 1, then 0 until NULL. */
const char *clibedit_history_step(History *h, int oldest);
/* Number of entries. */
int clibedit_history_count(History *h);
/* Loads / saves libedit's history file format; -1 on failure. */
int clibedit_history_load(History *h, const char *path);
int clibedit_history_save(History *h, const char *path);

/*
 * SIGINT: a handler that only records the signal (and writes a byte to a pipe so a waiting
 * thread can wake up). Installed for the whole interactive session, so Ctrl-C never kills it.
 */
int clibedit_install_sigint(void);
/* Whether SIGINT arrived since the last call; clears the record. */
int clibedit_take_interrupt(void);
/* The read end of the pipe the handler writes to (non-blocking), or -1. */
int clibedit_interrupt_fd(void);

#endif
