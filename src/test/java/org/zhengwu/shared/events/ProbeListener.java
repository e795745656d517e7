package org.zhengwu.shared.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Test only: a module listener, like the platform's own, that counts the deliveries of each {@link Probe} and fails
 * for the probes it is told to fail for. Found by the component scan of every test application, where no other code
 * publishes a probe.
 */
@Component
class ProbeListener {

    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    @ApplicationModuleListener
    void on(Probe probe) {
        deliveries.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(probe.id())) {
            throw new IllegalStateException("probe " + probe.id() + " fails as told");
        }
    }

    void failFor(String id) {
        failing.add(id);
    }

    void recover(String id) {
        failing.remove(id);
    }

    int deliveries(String id) {
        AtomicInteger count = deliveries.get(id);
        return count == null ? 0 : count.get();
    }
}
