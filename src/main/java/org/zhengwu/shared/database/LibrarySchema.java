package org.zhengwu.shared.database;

import javax.sql.DataSource;

/**
 * The tables of a library that keeps its own schema (Flowable's process engine) brought up to date by the library
 * itself, as the tables' owner, in the migration step: after the modules' migrations and before the application's role
 * gets its grants, so that in production, where the application's role may not create tables, the library's tables
 * exist and are granted like ours. A bean of the module that uses the library implements it; it must be idempotent and
 * safe when several nodes start at once.
 */
public interface LibrarySchema {

    /** @param owner connected as the migrations are (the owner's role where production separates the two) */
    void update(DataSource owner);
}
