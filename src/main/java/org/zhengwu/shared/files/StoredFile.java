package org.zhengwu.shared.files;

/**
 * A file as the store keeps it.
 *
 * @param key the key the store gave it (32 hexadecimal digits)
 * @param size its length in bytes
 * @param sm3 the SM3 hash (GB/T 32905) of its content, 64 hexadecimal digits, computed as it was stored
 */
public record StoredFile(String key, long size, String sm3) {}
