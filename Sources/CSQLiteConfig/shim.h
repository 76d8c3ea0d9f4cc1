/*
 * CSQLiteConfig: process-wide SQLite settings that Swift cannot set itself, because
 * sqlite3_config is a C variadic function. They must be applied before SQLite
 * initialises, i.e. before the first database opens.
 */
#ifndef OTKLIK_CSQLITECONFIG_SHIM_H
#define OTKLIK_CSQLITECONFIG_SHIM_H

#include <sqlite3.h>

/* Without memory statistics, sqlite3_malloc takes no global mutex: two connections
 * writing in two threads (the demo's bulk load) otherwise queue on that one lock.
 * Returns SQLITE_OK, or SQLITE_MISUSE when SQLite is already initialised. */
static inline int otk_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
