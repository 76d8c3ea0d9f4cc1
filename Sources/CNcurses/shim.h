/*
 * CNcurses: the ncursesw API for Swift.
 *
 * The wide-character API is only declared when these are defined before the include;
 * without them Cyrillic input and output silently degrade to bytes.
 * Note: SwiftPM does not notice edits to this header alone; touch a Swift file of
 * OtklikTerminal (or clean) after changing it.
 */
#ifndef OTKLIK_CNCURSES_SHIM_H
#define OTKLIK_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>

/* Globals and macros Swift cannot import, or must not touch directly under strict
 * concurrency (they are mutable C globals). */
static inline int otk_lines(void) { return LINES; }
static inline int otk_cols(void) { return COLS; }
static inline int otk_colors(void) { return COLORS; }
static inline int otk_key_code_yes(void) { return KEY_CODE_YES; }
static inline int otk_err(void) { return ERR; }
static inline attr_t otk_a_reverse(void) { return A_REVERSE; }
static inline attr_t otk_a_bold(void) { return A_BOLD; }
static inline attr_t otk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t otk_a_normal(void) { return A_NORMAL; }
static inline int otk_key_resize(void) { return KEY_RESIZE; }

/* Whether the active locale's character set is UTF-8. */
static inline int otk_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    if (cs == NULL) return 0;
    return (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') &&
           (cs[2] == 'F' || cs[2] == 'f') && (cs[3] == '-' ? cs[4] == '8' : cs[3] == '8');
}

/* Draws `count` wide characters at (y, x) with one attribute and colour pair.
 * Uses the extended-colour call so pair numbers above 255 work. */
static inline int otk_put(int y, int x, const wchar_t *text, int count, attr_t attrs, int pair) {
    if (wmove(stdscr, y, x) == ERR) return ERR;
    wattr_set(stdscr, attrs, (short)(pair < 32767 ? pair : 0), &pair);
    return waddnwstr(stdscr, text, count);
}

/* newterm on the process's stdout/stdin (Swift cannot touch those C globals under
 * strict concurrency). Returns NULL instead of exiting when TERM is unknown. */
static inline SCREEN *otk_newterm(const char *term) { return newterm(term, stdout, stdin); }

/* The tty's real size, or 0 when stdout is not a terminal. */
static inline int otk_tty_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 1;
}

static inline int otk_get_wch(wint_t *out) { return wget_wch(stdscr, out); }
static inline void otk_timeout(int ms) { wtimeout(stdscr, ms); }
static inline int otk_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline int otk_clearok(int on) { return clearok(stdscr, on ? TRUE : FALSE); }
static inline int otk_leaveok(int on) { return leaveok(stdscr, on ? TRUE : FALSE); }
static inline int otk_noutrefresh(void) { return wnoutrefresh(stdscr); }

#endif
