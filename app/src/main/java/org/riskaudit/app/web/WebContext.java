package org.riskaudit.app.web;

import java.nio.file.Path;
import java.time.Clock;
import org.riskaudit.store.Store;

/**
 * What every handler may use: the one store all server instances share (sessions, locks and
 * progress live there, never in this process's memory), the clock, and where uploads and published
 * records are kept.
 *
 * @param store the audit database (SQLite file in the data directory, or PostgreSQL)
 * @param dataDir the server's data directory (uploads, published records)
 * @param clock the clock for session expiry and log entries
 * @param sessions starts and ends sign-in sessions (kept in the store)
 * @param boards audit boards and their credentials
 */
public record WebContext(
    Store store, Path dataDir, Clock clock, Sessions sessions, BoardAccounts boards) {}
