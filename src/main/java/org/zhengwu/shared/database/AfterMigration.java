package org.zhengwu.shared.database;

import javax.sql.DataSource;

/**
 * Work on a module's own rows that has to follow its migrations but cannot be written in SQL — encrypting values an
 * earlier release kept in clear, with a key the database never holds — or that must refuse the start before anything
 * else reads the database (a key that is not the one the stored values were encrypted with). A bean of the module
 * implements it; {@link ModuleMigrations} runs every one, in their {@code @Order}, at each start once every module has
 * migrated and the application's role has its grants, before any other bean uses the database.
 *
 * <p>Several nodes may start at once, and a start may stop half-way: a step must be idempotent, do its work in
 * transactions that each leave the rows consistent, and tolerate another node running the same step at the same time.
 * It changes rows only, never the schema — that stays what the migrations say, on every database however it came to
 * be (and in production the application's role could not change it anyway).
 */
public interface AfterMigration {

    /**
     * @param database connected as the migrations are (the owner's role where production separates the two)
     * @throws IllegalStateException to stop the start, with a message saying what is wrong and what to do
     */
    void run(DataSource database);
}
