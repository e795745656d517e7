package org.zhengwu.shared.audit;

/**
 * What happened, as the module that saw it describes it. Time, client address and request id are added by the log.
 *
 * @param actor      who acted: an account's username, or {@code system}, or {@code anonymous:<what they typed>}
 * @param actingFor  on whose behalf (an enterprise's credit code when an agent acts), or null
 * @param action     a stable dotted name, e.g. {@code identity.sign-in}, {@code catalog.publish}
 * @param objectType what kind of object, e.g. {@code account}, {@code catalog-entry}; null for none
 * @param objectId   which one
 * @param outcome    how it ended
 * @param details    short free text for people (never a secret or a full ID number)
 */
public record AuditEvent(
        String actor,
        String actingFor,
        String action,
        String objectType,
        String objectId,
        Outcome outcome,
        String details) {

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }

    public static AuditEvent success(String actor, String action, String objectType, String objectId) {
        return new AuditEvent(actor, null, action, objectType, objectId, Outcome.SUCCESS, null);
    }

    public AuditEvent withDetails(String text) {
        return new AuditEvent(actor, actingFor, action, objectType, objectId, outcome, text);
    }

    public AuditEvent actingFor(String principal) {
        return new AuditEvent(actor, principal, action, objectType, objectId, outcome, details);
    }
}
