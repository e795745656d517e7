package org.zhengwu.identity.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security keys and passkeys (WebAuthn) as a staff second factor, besides the authenticator app ({@link SecondFactor}).
 * The ceremonies are Spring Security's relying-party operations ({@link Webauthn4JRelyingPartyOperations}, which
 * verify with webauthn4j), called from our own pages rather than through {@code http.webAuthn()}: that configurer
 * signs a person in with the key alone — a first factor, a new authentication — whereas here the key completes a
 * sign-in that has already proved the password, through the one path every second factor takes
 * ({@code SignInCompletion}), and must also refuse a key of another account, keep the last second factor, audit each
 * step and count failures as the code page does.
 *
 * <p>Only {@link #verify} makes a {@link PassedFactor} of a key, and only from an assertion the library has verified
 * against a challenge this account was given moments ago (single use, {@link #CHALLENGE_LIFETIME}), with the key's
 * counter moving forward. Registering a key proves nothing by itself — with attestation {@code none} nothing in it is
 * signed by the new key — so a key registered at first enrolment is then used once to finish the sign-in.
 */
@Service
public class SecurityKeys {

    /** How long a challenge may wait for the browser's answer; the browser is told the same. */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    /** The longest name of a key (the column's width). */
    public static final int LABEL_LENGTH = 40;

    /**
     * Who the browser is talking to: the relying-party id (the host name keys are bound to), the name an authenticator
     * may show, and the page origins an answer may come from.
     */
    public record RelyingParty(String id, String name, Set<String> origins) implements Serializable {
        public RelyingParty {
            origins = Set.copyOf(origins);
        }
    }

    /** Options given to a browser, with when and for whom: kept in the session and used once. */
    public record Challenge<T extends Serializable>(T options, RelyingParty relyingParty, Instant issuedAt)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        boolean expiredAt(Instant now) {
            return now.isAfter(issuedAt.plus(CHALLENGE_LIFETIME));
        }
    }

    /** Why a key's answer was not accepted. */
    public enum Refusal {
        /** No challenge was given to this session, or it was used already (a replayed answer). */
        NO_CHALLENGE,
        /** The challenge was given too long ago. */
        EXPIRED,
        /** The answer is not a WebAuthn credential at all. */
        MALFORMED,
        /** Not a key of this account: unknown, or another account's. */
        UNKNOWN_KEY,
        /** The relying-party library did not verify it: signature, challenge, origin, relying party, flags. */
        NOT_VERIFIED,
        /** The signature counter did not advance: a copy of the key, or the same answer again. */
        COPIED_KEY,
        /** Registration: the key is registered already (to this account or another). */
        ALREADY_REGISTERED,
        /** Registration: the account has a key of that name already (another request was quicker). */
        LABEL_TAKEN,
        /** Registration: the account may not register a key now (a half-finished sign-in of an enrolled account). */
        NOT_ALLOWED
    }

    /** The result of a sign-in with a key: the proof of the factor, or why there is none. */
    public record Verification(PassedFactor factor, Refusal refusal) {
        public boolean passed() {
            return factor != null;
        }
    }

    /** The result of a registration: the key, the first enrolment's recovery codes, or why there is none. */
    public record Registration(SecurityKey key, Enrolment enrolment, Refusal refusal) {
        public boolean registered() {
            return key != null;
        }
    }

    /** The result of removing a key. */
    public enum Removal {
        REMOVED,
        /** The account has no such key (or it is another account's). */
        NOT_FOUND,
        /** It is the account's last second factor: without it the member of staff could not sign in. */
        LAST_FACTOR
    }

    private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>> ASSERTION =
            new TypeReference<>() {};
    private static final TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>> ATTESTATION =
            new TypeReference<>() {};

    private final SecurityKeyRecords records;
    private final SecondFactor secondFactor;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final JsonMapper json =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    /**
     * One set of operations per relying party; there is one when it is configured, and a few when it is taken from
     * the addresses requests arrive at (development), bounded so that made-up Host headers cannot fill the memory.
     */
    private final Cache<RelyingParty, Webauthn4JRelyingPartyOperations> operations =
            Caffeine.newBuilder().maximumSize(16).build();

    SecurityKeys(SecurityKeyRecords records, SecondFactor secondFactor, AccountabilityLog audit, Clock clock) {
        this.records = records;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.clock = clock;
    }

    /** The options for registering a new key of {@code account}, excluding the keys it has. */
    @Transactional
    public Challenge<PublicKeyCredentialCreationOptions> registrationOptions(Account account, RelyingParty rp) {
        records.users().ensureUser(account.id());
        PublicKeyCredentialCreationOptions options = operations(rp)
                .createPublicKeyCredentialCreationOptions(
                        new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn(account)));
        return new Challenge<>(options, rp, clock.instant());
    }

    /**
     * Registers the key the browser created for {@code challenge}, named {@code label}. At first enrolment the account
     * also gets its recovery codes — for a sign-in without the key — and must then sign in with the new key.
     */
    @Transactional
    public Registration register(
            Account account,
            SecondFactor.Stage stage,
            Challenge<PublicKeyCredentialCreationOptions> challenge,
            String label,
            String credentialJson) {
        Refusal refused = null;
        if (!secondFactor.mayEnrol(account, stage)) {
            refused = Refusal.NOT_ALLOWED;
        } else if (challenge == null) {
            refused = Refusal.NO_CHALLENGE;
        } else if (challenge.expiredAt(clock.instant())) {
            refused = Refusal.EXPIRED;
        } else if (!challenge.options().getUser().getName().equals(account.username())) {
            refused = Refusal.NOT_ALLOWED;
        } else if (records.labelTaken(account.id(), label)) {
            refused = Refusal.LABEL_TAKEN;
        }
        PublicKeyCredential<AuthenticatorAttestationResponse> credential = null;
        if (refused == null) {
            credential = read(credentialJson, ATTESTATION);
            refused = credential == null ? Refusal.MALFORMED : null;
        }
        if (refused == null && records.findByCredentialId(credential.getRawId()) != null) {
            refused = Refusal.ALREADY_REGISTERED;
        }
        if (refused == null) {
            try {
                operations(challenge.relyingParty())
                        .registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                                challenge.options(), new RelyingPartyPublicKey(credential, label)));
            } catch (DataAccessException e) {
                throw e;
            } catch (RuntimeException e) {
                refused = Refusal.NOT_VERIFIED;
            }
        }
        if (refused != null) {
            audit.record(new AuditEvent(
                    account.username(),
                    null,
                    "identity.webauthn.register",
                    "account",
                    account.username(),
                    refused == Refusal.NOT_ALLOWED ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILURE,
                    refusal(refused)));
            return new Registration(null, null, refused);
        }
        String id = credential.getRawId().toBase64UrlString();
        SecurityKey key = records.of(account.id()).stream()
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow();
        Enrolment enrolment = stage == SecondFactor.Stage.FIRST_ENROLMENT
                ? Enrolment.withoutFactor(secondFactor.newRecoveryCodes(account.id()))
                : null;
        audit.record(AuditEvent.success(account.username(), "identity.webauthn.register", "account", account.username())
                .withDetails("security key: " + label + (enrolment != null ? "; first second factor" : "")));
        return new Registration(key, enrolment, null);
    }

    /** The options for signing in with one of the account's keys; nothing when it has none. */
    public Optional<Challenge<PublicKeyCredentialRequestOptions>> signInOptions(Account account, RelyingParty rp) {
        if (records.count(account.id()) == 0) {
            return Optional.empty();
        }
        PublicKeyCredentialRequestOptions options = operations(rp)
                .createCredentialRequestOptions(
                        new ImmutablePublicKeyCredentialRequestOptionsRequest(signedIn(account)));
        return Optional.of(new Challenge<>(options, rp, clock.instant()));
    }

    /**
     * Checks the browser's answer to {@code challenge} (null when the session holds none: never given, or used
     * already) for a signed-in-by-password account: the proof of the factor when one of its keys signed it.
     */
    @Transactional
    public Verification verify(
            Account account, Challenge<PublicKeyCredentialRequestOptions> challenge, String assertionJson) {
        Instant now = clock.instant();
        PublicKeyCredential<AuthenticatorAssertionResponse> assertion = read(assertionJson, ASSERTION);
        Refusal refused = null;
        String label = null;
        if (challenge == null) {
            refused = Refusal.NO_CHALLENGE;
        } else if (challenge.expiredAt(now)) {
            refused = Refusal.EXPIRED;
        } else if (assertion == null) {
            refused = Refusal.MALFORMED;
        } else {
            CredentialRecord key = records.findByCredentialId(assertion.getRawId());
            PublicKeyCredentialUserEntity owner = records.users().findByUsername(account.username());
            if (key == null || owner == null || !key.getUserEntityUserId().equals(owner.getId())) {
                refused = Refusal.UNKNOWN_KEY;
            } else {
                label = key.getLabel();
                refused = authenticate(account, challenge, assertion);
            }
        }
        secondFactor.recordVerification(
                account,
                refused == null,
                refused == null ? "security key: " + label : "security key refused: " + refusal(refused));
        return refused == null
                ? new Verification(new PassedFactor(account.username(), SignInFactors.WEBAUTHN, now), null)
                : new Verification(null, refused);
    }

    private Refusal authenticate(
            Account account,
            Challenge<PublicKeyCredentialRequestOptions> challenge,
            PublicKeyCredential<AuthenticatorAssertionResponse> assertion) {
        try {
            PublicKeyCredentialUserEntity signer = operations(challenge.relyingParty())
                    .authenticate(new RelyingPartyAuthenticationRequest(challenge.options(), assertion));
            return signer.getName().equals(account.username()) ? null : Refusal.UNKNOWN_KEY;
        } catch (SecurityKeyRecords.CounterNotAdvanced | MaliciousCounterValueException e) {
            return Refusal.COPIED_KEY;
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            return Refusal.NOT_VERIFIED;
        }
    }

    /** The account's keys, oldest first. */
    public List<SecurityKey> of(Account account) {
        return records.of(account.id());
    }

    /** Whether the account already uses {@code label} for one of its keys. */
    public boolean labelTaken(Account account, String label) {
        return records.labelTaken(account.id(), label);
    }

    /**
     * Removes one of the account's own keys, unless it is the last second factor the account has: a member of staff
     * without one could not sign in again, and only the security administrator could help.
     */
    @Transactional
    public Removal remove(Account account, String keyId) {
        SecondFactor.Held held = secondFactor.held(account.id());
        Bytes id;
        try {
            id = Bytes.fromBase64(keyId);
        } catch (IllegalArgumentException e) {
            return Removal.NOT_FOUND;
        }
        List<SecurityKey> keys = records.of(account.id());
        Optional<SecurityKey> key =
                keys.stream().filter(k -> k.id().equals(id.toBase64UrlString())).findFirst();
        if (key.isEmpty()) {
            return Removal.NOT_FOUND;
        }
        if (!held.authenticatorApp() && held.securityKeys() == 1) {
            audit.record(new AuditEvent(
                    account.username(),
                    null,
                    "identity.webauthn.remove",
                    "account",
                    account.username(),
                    AuditEvent.Outcome.DENIED,
                    "security key: " + key.get().label() + "; the last second factor"));
            return Removal.LAST_FACTOR;
        }
        records.remove(account.id(), id);
        audit.record(AuditEvent.success(account.username(), "identity.webauthn.remove", "account", account.username())
                .withDetails("security key: " + key.get().label()));
        return Removal.REMOVED;
    }

    /** The options as the browser reads them (base64url for every binary value). */
    public String json(Serializable options) {
        return json.writeValueAsString(options);
    }

    /** The browser's answer, or null when it is not a credential with an id and a response. */
    private <T extends PublicKeyCredential<?>> T read(String text, TypeReference<T> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            T credential = json.readValue(text, type);
            return credential == null || credential.getRawId() == null || credential.getResponse() == null
                    ? null
                    : credential;
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Authentication signedIn(Account account) {
        return UsernamePasswordAuthenticationToken.authenticated(account.username(), null, List.of());
    }

    private static String refusal(Refusal refusal) {
        return refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private Webauthn4JRelyingPartyOperations operations(RelyingParty rp) {
        return operations.get(rp, party -> {
            Webauthn4JRelyingPartyOperations made = new Webauthn4JRelyingPartyOperations(
                    records.users(),
                    records,
                    PublicKeyCredentialRpEntity.builder()
                            .id(party.id())
                            .name(party.name())
                            .build(),
                    party.origins());
            // A second factor after the password: the key's presence is what is proved, its PIN or fingerprint is
            // welcome but not required, and a plain security key need not spend one of its few resident slots.
            made.setCustomizeCreationOptions(
                    options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                                    .userVerification(UserVerificationRequirement.PREFERRED)
                                    .residentKey(ResidentKeyRequirement.PREFERRED)
                                    .build())
                            .timeout(CHALLENGE_LIFETIME));
            made.setCustomizeRequestOptions(options -> options.timeout(CHALLENGE_LIFETIME));
            return made;
        });
    }
}
