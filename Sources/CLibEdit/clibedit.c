#define _GNU_SOURCE
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
    if (interrupt_pipe[0] < 0 && pipe2(interrupt_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
        interrupt_pipe[0] = interrupt_pipe[1] = -1;
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
    /*
     * The incremental search (^R) looks a typed character up in the key map by its low byte
     * only, so a CJK character such as U+5B81 (宁) was taken for the 8-bit meta key 0x81 and
     * ended the search. Those meta-control keys (0200-0237) never come from a UTF-8 terminal:
     * make them insert, like every other character.
     */
    /*
     * Home, End, Delete and Ctrl-arrows as the common terminals send them, whatever TERM says
     * (libedit binds only the terminfo spelling, and TERM is often not quite right).
     */
    static const char *const keys[][2] = {
        {"\\e[H", "ed-move-to-beg"}, {"\\eOH", "ed-move-to-beg"}, {"\\e[1~", "ed-move-to-beg"},
        {"\\e[7~", "ed-move-to-beg"}, {"\\e[F", "ed-move-to-end"}, {"\\eOF", "ed-move-to-end"},
        {"\\e[4~", "ed-move-to-end"}, {"\\e[8~", "ed-move-to-end"}, {"\\e[3~", "ed-delete-next-char"},
        {"\\e[1;5D", "ed-prev-word"}, {"\\e[1;5C", "em-next-word"},
        {"\\e[1;3D", "ed-prev-word"}, {"\\e[1;3C", "em-next-word"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) el_set(el, EL_BIND, keys[i][0], keys[i][1], NULL);
    for (int c = 0200; c <= 0237; c++) {
        char key[8];
        snprintf(key, sizeof key, "\\%03o", c);
        el_set(el, EL_BIND, key, "ed-insert", NULL);
    }
    return el;
}

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

int clibedit_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

int clibedit_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
