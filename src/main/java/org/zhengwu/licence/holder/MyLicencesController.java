package org.zhengwu.licence.holder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.UserFacingException;

/** 我的证照: the holder's licences, each with its fields, versions and 加注件, the OFD file and a picture of it. */
@Controller
@PreAuthorize("hasAuthority('ACCOUNT_PERSON')")
class MyLicencesController {

    static final MediaType OFD = MediaType.parseMediaType("application/ofd");

    private final HeldLicences held;
    private final LicenceRecords records;
    private final LicenceTypes types;
    private final SealedFields sealed;
    private final FileStore files;
    private final LicenceDocuments documents;
    private final Actors actors;
    private final AccountabilityLog audit;
    private final Clock clock;

    MyLicencesController(
            HeldLicences held,
            LicenceRecords records,
            LicenceTypes types,
            SealedFields sealed,
            FileStore files,
            LicenceDocuments documents,
            Actors actors,
            AccountabilityLog audit,
            Clock clock) {
        this.held = held;
        this.records = records;
        this.types = types;
        this.sealed = sealed;
        this.files = files;
        this.documents = documents;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/my/licences")
    String mine(Model model) {
        model.addAttribute("licences", held.of(person()));
        model.addAttribute("today", today());
        return "licence/mine";
    }

    @GetMapping("/my/licences/{id}")
    String one(@PathVariable long id, Model model) {
        LicenceRow l = held.own(person(), id);
        model.addAttribute("licence", l);
        model.addAttribute("status", l.status(today()));
        model.addAttribute("holderName", sealed.holderName(l));
        model.addAttribute("holderCode", sealed.holderCode(l));
        model.addAttribute("values", sealed.values(l));
        model.addAttribute("type", types.find(l.typeCode()).orElseThrow());
        model.addAttribute("versions", records.versions(l));
        model.addAttribute("annotations", records.annotations(l.id()));
        return "licence/licence";
    }

    @GetMapping("/my/licences/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) throws IOException {
        Actor person = person();
        LicenceRow l = held.own(person, id);
        audit.record(AuditEvent.success(person.username(), "licence.download", "licence", l.identifier()));
        return ResponseEntity.ok()
                .contentType(OFD)
                .contentLength(l.fileSize())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        l.name() + "-" + l.number() + "-" + l.version() + ".ofd",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(files.open(l.fileKey())));
    }

    /** The licence's page as a picture, drawn from its OFD file. */
    @GetMapping("/my/licences/{id}/page.png")
    ResponseEntity<byte[]> picture(@PathVariable long id) throws IOException {
        LicenceRow l = held.own(person(), id);
        byte[] ofd;
        try (var in = files.open(l.fileKey())) {
            ofd = in.readAllBytes();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .body(documents.render(ofd, 96));
    }

    private Actor person() {
        Actor actor =
                actors.current().orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "licence.sign-in"));
        if (actor.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "licence.persons-only");
        }
        return actor;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
