package org.zhengwu.shared.database;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the thread while a {@link ReplicaRead} method runs in a transaction it started itself, so that the
 * connection that transaction fetches (lazily, at its first statement) may come from the replica. It runs outside the
 * transaction interceptor: a method called inside a transaction already active is not marked, and reads where that
 * transaction reads.
 */
final class ReplicaRouting implements MethodInterceptor {

    private static final ThreadLocal<Boolean> LAG_TOLERANT = new ThreadLocal<>();

    /** Whether the current read-only transaction was started by a {@link ReplicaRead} method. */
    static boolean lagTolerated() {
        return Boolean.TRUE.equals(LAG_TOLERANT.get())
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive() || LAG_TOLERANT.get() != null) {
            return invocation.proceed();
        }
        LAG_TOLERANT.set(Boolean.TRUE);
        try {
            return invocation.proceed();
        } finally {
            LAG_TOLERANT.remove();
        }
    }

    /** The advisor for every method of a class marked {@link ReplicaRead} and every method marked so itself. */
    static DefaultPointcutAdvisor advisor() {
        Pointcut onClass = new AnnotationMatchingPointcut(ReplicaRead.class, true);
        Pointcut onMethod = AnnotationMatchingPointcut.forMethodAnnotation(ReplicaRead.class);
        DefaultPointcutAdvisor advisor =
                new DefaultPointcutAdvisor(new ComposablePointcut(onClass).union(onMethod), new ReplicaRouting());
        // Before (outside) the transaction interceptor, which has the lowest precedence.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }
}
