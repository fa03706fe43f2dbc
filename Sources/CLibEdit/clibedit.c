#include "clibedit.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- SIGINT ------------------------------------------------------------------------------ */

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t continued = 0;

static void on_sigcont(int signo) {
    (void)signo;
    continued = 1;
}
static int interrupt_pipe[2] = {-1, -1};

static void on_sigint(int signo) {
    (void)signo;
    int saved = errno;
    interrupted = 1;
    if (interrupt_pipe[1] >= 0) {
        char byte = 'i';
        ssize_t ignored = write(interrupt_pipe[1], &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

int clibedit_install_sigint(void) {
    if (interrupt_pipe[0] < 0) {
        if (pipe(interrupt_pipe) == 0) {
            for (int i = 0; i < 2; i++) {
                fcntl(interrupt_pipe[i], F_SETFL, fcntl(interrupt_pipe[i], F_GETFL) | O_NONBLOCK);
                fcntl(interrupt_pipe[i], F_SETFD, FD_CLOEXEC);
            }
        } else {
            interrupt_pipe[0] = interrupt_pipe[1] = -1;
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    /* No SA_RESTART: a blocking read returns EINTR, which is how a line is given up. */
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    action.sa_handler = on_sigcont;
    sigaction(SIGCONT, &action, NULL);
    /* A parent may have left SIGINT blocked (the mask is inherited): Ctrl-C must arrive. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int clibedit_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    if (interrupt_pipe[0] >= 0) {
        char buffer[64];
        while (read(interrupt_pipe[0], buffer, sizeof buffer) > 0) {}
    }
    return was;
}

int clibedit_interrupt_fd(void) { return interrupt_pipe[0]; }

/* ---- Reading ----------------------------------------------------------------------------- */

/*
 * libedit's own read function retries a read interrupted by a signal once, so the first Ctrl-C
 * would be lost. This one gives the line up as soon as SIGINT is recorded, and otherwise
 * (SIGWINCH, SIGCONT, which libedit has already handled) reads on. A byte that arrives together
 * with the interrupt (keys typed right after Ctrl-C) is kept for the next line rather than
 * added to the one given up. Bytes are decoded with the locale's multibyte rules, one at a
 * time, as libedit does.
 */
static int pending_byte = -1;

/* While the incremental search is on, every key is handed to it (see clibedit_set_search). */
static int search_mode = 0;
static wchar_t search_key = 0;
#define SEARCH_KEY 0237

void clibedit_set_search(int on) { search_mode = on; }
wchar_t clibedit_search_key(void) { return search_key; }

static int read_char(EditLine *el, wchar_t *out) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        unsigned char byte;
        if (pending_byte >= 0) {
            byte = (unsigned char)pending_byte;
            pending_byte = -1;
        } else {
            if (interrupted) { *out = L'\0'; errno = EINTR; return -1; }
            ssize_t n = read(STDIN_FILENO, &byte, 1);
            if (n == 0) { *out = L'\0'; return 0; }
            if (n < 0) {
                if (errno == EINTR) {
                    /* Back from Ctrl-Z (SIGCONT): the shell wrote over the screen, draw the line
                     * again, as libedit's own read function does. Ctrl-C is seen at the top. */
                    if (continued && !interrupted) {
                        continued = 0;
                        el_set(el, EL_REFRESH);
                    }
                    continue;
                }
                if (errno == EAGAIN) {
                    /* Someone left stdin non-blocking: make it blocking again. */
                    int flags = fcntl(STDIN_FILENO, F_GETFL, 0);
                    if (flags >= 0 && fcntl(STDIN_FILENO, F_SETFL, flags & ~O_NONBLOCK) == 0) continue;
                }
                *out = L'\0';
                return -1;
            }
            if (interrupted) {
                pending_byte = byte;
                *out = L'\0';
                errno = EINTR;
                return -1;
            }
        }
        wchar_t wc;
        size_t r = mbrtowc(&wc, (const char *)&byte, 1, &state);
        if (r == (size_t)-2) continue;               /* incomplete: read another byte */
        if (r == (size_t)-1) {                        /* invalid: drop it, start afresh */
            memset(&state, 0, sizeof state);
            continue;
        }
        if (search_mode) {
            search_key = wc;
            wc = SEARCH_KEY;
        }
        *out = wc;
        return 1;
    }
}

/* ---- The editor -------------------------------------------------------------------------- */

static char *prompt_text = NULL;

static char *prompt_fn(EditLine *el) {
    (void)el;
    return prompt_text ? prompt_text : (char *)"";
}

void clibedit_set_prompt(const char *prompt) {
    char *copy = strdup(prompt ? prompt : "");
    if (!copy) return;
    free(prompt_text);
    prompt_text = copy;
}

EditLine *clibedit_init(const char *program, void *clientdata) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (!el) return NULL;
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_PROMPT_ESC, prompt_fn, '\1');
    el_set(el, EL_GETCFN, read_char);
    el_set(el, EL_CLIENTDATA, clientdata);
    return el;
}

int clibedit_push(EditLine *el, wchar_t key) {
    wchar_t text[2] = {key, 0};
    el_wpush(el, text);
    return 0;
}

int clibedit_move_cursor(EditLine *el, int characters) { return el_cursor(el, characters); }

void clibedit_end(EditLine *el) { if (el) el_end(el); }

void *clibedit_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

void clibedit_set_clientdata(EditLine *el, void *clientdata) { el_set(el, EL_CLIENTDATA, clientdata); }

const char *clibedit_gets(EditLine *el, int *count, int *status) {
    int n = 0;
    interrupted = 0;
    const char *line = el_gets(el, &n);
    if (count) *count = n;
    if (line) { if (status) *status = 2; return line; }
    if (status) {
        if (interrupted || (n < 0 && errno == EINTR)) *status = 1;
        else if (n < 0) *status = -1;
        else *status = 0;
    }
    return NULL;
}

int clibedit_add_function(EditLine *el, const char *name, const char *help, clibedit_key_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int clibedit_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}

int clibedit_source(EditLine *el, const char *path) { return el_source(el, path); }

const LineInfo *clibedit_line(EditLine *el) { return el_line(el); }

void clibedit_delete_before(EditLine *el, int characters) {
    if (characters > 0) el_deletestr(el, characters);
}

int clibedit_insert(EditLine *el, const char *text) { return el_insertstr(el, text); }

/* ---- History ----------------------------------------------------------------------------- */

History *clibedit_history_init(int size) {
    History *h = history_init();
    if (!h) return NULL;
    HistEvent ev;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    return h;
}

void clibedit_history_end(History *h) { if (h) history_end(h); }

int clibedit_use_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int clibedit_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

int clibedit_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) < 0) return 0;
    return ev.num;
}

const char *clibedit_history_step(History *h, int oldest) {
    HistEvent ev;
    if (history(h, &ev, oldest ? H_LAST : H_PREV) < 0) return NULL;
    return ev.str;
}

int clibedit_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

int clibedit_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
