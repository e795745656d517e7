/**
 * The catalogue exchange format ({@code zhengwu-catalogue/1}, see docs/EXCHANGE.md): export of the base list and the
 * published implementation list with every element under the national codes, and its import by province-wide
 * editors, validated as a whole before anything is loaded.
 */
package org.zhengwu.catalog.exchange;
