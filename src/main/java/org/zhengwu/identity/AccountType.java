package org.zhengwu.identity;

/** Who an account belongs to: a member of staff of an organisation, or a natural person (who may act for enterprises). */
public enum AccountType {
    STAFF,
    PERSON
}
