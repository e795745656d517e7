package org.zhengwu.shared.events;

/** A test-only event, delivered to {@link ProbeListener}. */
record Probe(String id) {}
