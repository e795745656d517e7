package org.zhengwu.basedata;

/** An organisation's name was changed; modules that show it where they keep their own copy update it. */
public record OrganisationRenamed(String uscc, String oldName, String newName) {}
